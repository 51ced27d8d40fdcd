// Where live sound comes from: a microphone or line-in (getUserMedia, any input device) or a tab's or the system's
// audio (getDisplayMedia with audio). Music, not speech: the browser's voice processing is turned off.

const MUSIC = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/** A microphone or line-in; deviceId '' is the default input. Rejects with a message a person can act on. */
export async function microphone(deviceId = '') {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new Error('this browser offers no microphone input here (the page must be served over https or from localhost)');
  }
  const audio = deviceId ? { ...MUSIC, deviceId: { exact: deviceId } } : MUSIC;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video: false });
  } catch (e) {
    throw new Error(explain(e, 'microphone'));
  }
}

/** A tab's or the system's audio, chosen by the person in the browser's picker (the video track is dropped). */
export async function tabAudio() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getDisplayMedia) {
    throw new Error('this browser cannot share a tab\'s audio');
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({ audio: MUSIC, video: true });
  } catch (e) {
    throw new Error(explain(e, 'tab audio'));
  }
  for (const track of stream.getVideoTracks()) {
    track.stop();
    stream.removeTrack(track);
  }
  if (stream.getAudioTracks().length === 0) {
    throw new Error('the shared tab or screen has no audio: share again and tick “Share tab audio”');
  }
  return stream;
}

/** The audio inputs for the device picker: [{id, label}] (labels appear once a microphone was allowed). */
export async function audioInputs() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'audioinput' && d.deviceId && d.deviceId !== 'default')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `input ${i + 1}` }));
}

function explain(e, what) {
  if (e && e.name === 'NotAllowedError') return `${what} was not allowed (the browser or the person said no)`;
  if (e && e.name === 'NotFoundError') return `no ${what} device was found`;
  if (e && e.name === 'NotReadableError') return `the ${what} device is busy or unavailable`;
  return `${what} could not start (${e && e.message ? e.message : e})`;
}
