// The page's mix controls: blend mode, foreground opacity and "Model drives the mix". Moving blend or opacity
// takes the mix by hand: the model stops driving and new pairs no longer set their mix.

export class MixControls {
  /** @param {(id: string) => HTMLElement} $ @param {import('../show/show.js').Show} show */
  constructor($, show) {
    this.show = show;
    this.blend = $('blend-mode');
    this.opacity = $('fg-opacity');
    this.modelDrive = $('model-drive');
    this.blend.addEventListener('change', () => { this.takeOver(); this.applyManual(); });
    this.opacity.addEventListener('input', () => { this.takeOver(); this.applyManual(); });
    this.modelDrive.addEventListener('change', () => {
      this.touch();
      show.setModelDrive(this.modelDrive.checked, this.manual());
    });
    this.applyManual();
  }

  /** What the controls say: {blendMode, fgOpacity}. */
  manual() {
    return { blendMode: this.blend.value, fgOpacity: this.opacity.value / 100 };
  }

  applyManual() {
    const { blendMode, fgOpacity } = this.manual();
    this.show.stage.setForeground(blendMode, fgOpacity);
  }

  touch() {
    this.modelDrive.dataset.touched = '1';
    this.show.planMix = false;
  }

  /** Manual control: the model stops driving; the page looks like the controls say. */
  takeOver() {
    this.modelDrive.checked = false;
    this.touch();
    this.show.setModelDrive(false, this.manual());
  }

  /** A song's analysis: the model drives when it loaded, unless the person chose otherwise; never without segments. */
  follow(model, segmentCount) {
    if (model && model.status === 'loaded' && !this.modelDrive.dataset.touched) this.modelDrive.checked = true;
    this.modelDrive.disabled = segmentCount === 0;
    if (segmentCount === 0) this.modelDrive.checked = false;
    this.show.modelDrive = this.modelDrive.checked;
  }
}
