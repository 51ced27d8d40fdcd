// AIVJ projectM layer host: a thin C API over projectM 3.1.12 for the browser.
//
// Each handle ("layer") owns one WebGL2 context on its own canvas and one projectM
// instance; every entry point makes that layer's context current first, so several
// layers (e.g. two canvases) can be driven from the same module.
//
// Preset loading: the text is written to MEMFS and selected as the only playlist entry.
// projectM reports problems only on std::cerr, so std::cerr is captured while loading:
//   - "[Preset::readIn] parse summary: ok=N errors=M" (patch 0003)  -> parse diagnostics
//   - "problem allocating target preset" / presetSwitchFailedEvent  -> unreadable preset
//   - "problem setting pipeline: Shader compilation error" with the HLSL-parser /
//     GLSL-compiler lines before it                                  -> shader failure
// On any failure the previously loaded preset is kept (re-selected if projectM had
// already switched), and the message is available from pmw_lastError().
//
// Status codes of pmw_loadPresetText:
//   0 ok, 1 ok but some lines did not parse (see pmw_lastWarning),
//  -1 bad handle / IO, -2 not a preset (nothing parsed / projectM refused it),
//  -3 shader translation or compilation failed.
//
// Clock: projectM reads the time (its `time` and `progress`, preset blends, its frame limiter) through its own hook,
// pprojectm_gettimeofday. A layer told its frame times (pmw_setFrameTime) answers that hook with them instead of the
// wall clock and starts rand() from a fixed seed, so the same preset, audio and frame times draw the same pixels.
//
// Licence note: links projectM (LGPL-2.1); see projectm-wasm/README.md.

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "projectM.hpp"
#include "PCM.hpp"
#include "timer.h"

namespace {

class HostProjectM : public projectM {
public:
    HostProjectM(Settings s, int flags) : projectM(s, flags) {}
    void presetSwitchFailedEvent(bool, unsigned int, const std::string &msg) const override {
        switchFailed = true;
        failMessage = msg;
    }
    mutable bool switchFailed = false;
    mutable std::string failMessage;
};

struct Layer {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = 0;
    std::string selector;
    std::string dir;
    HostProjectM *pm = nullptr;
    std::string lastError;
    std::string lastWarning;
    std::string currentPath;  // MEMFS path of the active preset ("" = idle preset)
    int seq = 0;
    int width = 0, height = 0;
    bool fixedClock = false;  // projectM's clock reads frameTime, not the wall clock
    double frameTime = 0;     // seconds
};

std::vector<Layer *> g_layers;   // handle = index + 1
std::string g_globalError;       // errors without a valid handle
Layer *g_current = nullptr;      // the layer an entry point drives: projectM's clock hook answers for it

// rand()'s seed on a fixed clock (any constant: it only has to be the same every time).
const unsigned kFixedSeed = 1;

Layer *get(int h) {
    if (h <= 0 || h > (int)g_layers.size() || !g_layers[h - 1]) return nullptr;
    Layer *l = g_layers[h - 1];
    emscripten_webgl_make_context_current(l->ctx);
    g_current = l;
    return l;
}

// projectM's clock hook (timer.h): the current layer's frame time on a fixed clock, the wall clock otherwise.
int layerClock(struct timeval *tv, struct timezone *tz) {
    if (!g_current || !g_current->fixedClock) return gettimeofday(tv, tz);
    long long us = std::llround(g_current->frameTime * 1e6);
    tv->tv_sec = (time_t)(us / 1000000);
    tv->tv_usec = (suseconds_t)(us % 1000000);
    return 0;
}

// Captures std::cerr (projectM's only error channel) for the lifetime of the object.
class CerrCapture {
public:
    CerrCapture() : old_(std::cerr.rdbuf(buf_.rdbuf())) {}
    ~CerrCapture() { std::cerr.rdbuf(old_); }
    std::string text() const { return buf_.str(); }
private:
    std::ostringstream buf_;
    std::streambuf *old_;
};

bool startsWith(const std::string &s, const char *p) { return s.compare(0, strlen(p), p) == 0; }

// Keeps the diagnostic lines of projectM's shader log, dropping the shader source dumps.
std::string shaderDiagnostics(const std::string &log) {
    std::istringstream in(log);
    std::string line, out;
    bool inErrorLog = false;
    while (std::getline(in, line)) {
        bool keep = startsWith(line, "Failed to") || startsWith(line, "Compilation error") ||
                    startsWith(line, "problem ") || startsWith(line, "ERROR:") ||
                    startsWith(line, "WARNING:") || startsWith(line, "Texture loading error");
        if (startsWith(line, "Source:")) inErrorLog = false;
        if (keep || inErrorLog) {
            if (out.size() < 4000) out += line + "\n";
            // "Failed to compile shader 'Warp'. Error: <GL info log, may span lines>"
            inErrorLog = startsWith(line, "Failed to compile shader") || startsWith(line, "Failed to link");
        }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\0')) out.pop_back();
    return out;
}

bool parseSummary(const std::string &log, int &ok, int &errors) {
    size_t p = log.find("[Preset::readIn] parse summary: ok=");
    if (p == std::string::npos) return false;
    return sscanf(log.c_str() + p, "[Preset::readIn] parse summary: ok=%d errors=%d", &ok, &errors) == 2;
}

// Selects `path` as the only playlist entry. Returns false if projectM refused it.
bool selectOnly(Layer *l, const std::string &path, bool hardCut) {
    l->pm->switchFailed = false;
    l->pm->clearPlaylist();
    unsigned idx = l->pm->addPresetURL(path, path.substr(path.rfind('/') + 1), RatingList());
    l->pm->selectPreset(idx, hardCut);
    return !l->pm->switchFailed;
}

// (Re)creates the layer's projectM instance for l->width x l->height in the current context.
void makeProjectM(Layer *l) {
    projectM::Settings s;
    s.windowWidth = l->width;
    s.windowHeight = l->height;
    s.fps = 60;
    s.presetURL = l->dir;
    s.datadir = "/pmw";
    s.smoothPresetDuration = 3;
    s.presetDuration = 1 << 20;  // presets change only when the host says so
    s.hardcutEnabled = false;
    s.shuffleEnabled = false;
    s.aspectCorrection = true;
    s.softCutRatingsEnabled = false;
    CerrCapture cap;
    delete l->pm;
    // On a fixed clock rand() starts from the same seed: projectM's renderer draws random numbers while it starts,
    // and then projectM reseeds rand() from time(NULL), which no clock hook reaches, so seed both times.
    if (l->fixedClock) srand(kFixedSeed);
    l->pm = new HostProjectM(s, projectM::FLAG_DISABLE_PLAYLIST_LOAD);
    if (l->fixedClock) srand(kFixedSeed);
    l->pm->setPresetLock(true);
}

// A fresh projectM instance for the layer, with the current preset reloaded (hard cut).
void rebuild(Layer *l) {
    makeProjectM(l);
    if (!l->currentPath.empty()) {
        CerrCapture cap;
        selectOnly(l, l->currentPath, true);
    }
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE
int pmw_create(const char *canvasSelector, int width, int height) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_TRUE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_HIGH_PERFORMANCE;

    if (emscripten_set_canvas_element_size(canvasSelector, width, height) != EMSCRIPTEN_RESULT_SUCCESS) {
        g_globalError = std::string("canvas not found: ") + canvasSelector;
        return 0;
    }
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvasSelector, &attrs);
    if (ctx <= 0) {
        g_globalError = std::string("WebGL2 context creation failed on ") + canvasSelector;
        return 0;
    }
    emscripten_webgl_make_context_current(ctx);

    Layer *l = new Layer();
    g_current = l;
    pprojectm_gettimeofday = layerClock;
    l->ctx = ctx;
    l->selector = canvasSelector;
    l->width = width;
    l->height = height;
    l->dir = "/pmw/layer" + std::to_string(g_layers.size() + 1);
    EM_ASM({ FS.mkdirTree(UTF8ToString($0)); }, l->dir.c_str());

    makeProjectM(l);
    g_layers.push_back(l);
    return (int)g_layers.size();
}

EMSCRIPTEN_KEEPALIVE
int pmw_loadPresetText(int h, const char *text, double blendSeconds) {
    Layer *l = get(h);
    if (!l) { g_globalError = "bad handle"; return -1; }
    l->lastError.clear();
    l->lastWarning.clear();

    std::string path = l->dir + "/preset" + std::to_string(++l->seq) + ".milk";
    {
        std::ofstream f(path, std::ios::binary);
        f << text;
        if (!f) { l->lastError = "cannot write " + path + " to MEMFS"; return -1; }
    }

    bool hardCut = !(blendSeconds > 0.0);
    if (!hardCut) l->pm->changeSmoothPresetDuration(blendSeconds);

    std::string log;
    bool accepted;
    {
        CerrCapture cap;
        accepted = selectOnly(l, path, hardCut);
        log = cap.text();
    }

    int ok = 0, errors = 0;
    bool haveSummary = parseSummary(log, ok, errors);
    int status = 0;
    if (!accepted) {
        std::string why = shaderDiagnostics(log);
        l->lastError = "projectM could not load the preset" + (why.empty() ? std::string() : ": " + why);
        status = -2;
    } else if (haveSummary && (ok == 0 || errors > ok)) {
        // projectM's parser skips lines it cannot read; if nothing (or mostly nothing)
        // parsed, the text was not a MilkDrop preset.
        std::ostringstream m;
        if (ok == 0 && errors == 0)
            m << "preset parse failed: no MilkDrop preset content found";
        else
            m << "preset parse failed: " << errors << " line(s) could not be parsed, only " << ok << " parsed";
        l->lastError = m.str();
        status = -2;
    } else if (log.find("problem setting pipeline") != std::string::npos) {
        l->lastError = "preset shader failed: " + shaderDiagnostics(log);
        status = -3;
    } else if (haveSummary && errors > 0) {
        std::ostringstream m;
        m << errors << " line(s) of the preset could not be parsed and were ignored";
        l->lastWarning = m.str();
        status = 1;
    }

    if (status < 0) {
        // Keep the previous preset. If projectM already switched (it does so before
        // reporting shader errors), re-select the previous file with a hard cut.
        CerrCapture cap;
        if (accepted) {
            if (!l->currentPath.empty()) selectOnly(l, l->currentPath, true);
        } else if (!l->currentPath.empty()) {
            // projectM did not switch; restore the playlist to the active preset.
            l->pm->clearPlaylist();
            l->pm->addPresetURL(l->currentPath, "current", RatingList());
        }
        std::remove(path.c_str());
        return status;
    }
    if (!l->currentPath.empty() && l->currentPath != path) std::remove(l->currentPath.c_str());
    l->currentPath = path;
    return status;
}

// samples: `frames` frames of `channels` (1 or 2, interleaved) floats in [-1, 1].
EMSCRIPTEN_KEEPALIVE
void pmw_addPcm(int h, const float *samples, int frames, int channels) {
    Layer *l = get(h);
    if (!l || frames <= 0) return;
    if (channels == 2)
        l->pm->pcm()->addPCMfloat_2ch(samples, frames * 2);
    else
        l->pm->pcm()->addPCMfloat(samples, frames);
}

EMSCRIPTEN_KEEPALIVE
void pmw_renderFrame(int h) {
    Layer *l = get(h);
    if (!l) return;
    l->pm->renderFrame();
}

EMSCRIPTEN_KEEPALIVE
void pmw_resize(int h, int width, int height) {
    Layer *l = get(h);
    if (!l || width <= 0 || height <= 0) return;
    emscripten_set_canvas_element_size(l->selector.c_str(), width, height);
    l->width = width;
    l->height = height;
    // projectM_resetGL() leaves MilkDrop 2 presets with warp/comp shaders rendering black
    // (stale renderer state after Renderer::reset, even for a same-size reset), so build a
    // fresh projectM instance at the new size and reload the current preset (hard cut).
    rebuild(l);
}

// Sets the time of the layer's next frames, in seconds (0 or more). The first call puts the layer on a fixed clock
// from then on: projectM is rebuilt with its clock starting at `seconds` and rand() seeded fixed, and the current
// preset is reloaded (hard cut), so call it before loading presets. Later calls only move the clock.
EMSCRIPTEN_KEEPALIVE
void pmw_setFrameTime(int h, double seconds) {
    Layer *l = get(h);
    if (!l || !(seconds >= 0) || !std::isfinite(seconds)) return;
    l->frameTime = seconds;
    if (l->fixedClock) return;
    l->fixedClock = true;
    rebuild(l);
}

EMSCRIPTEN_KEEPALIVE
void pmw_destroy(int h) {
    Layer *l = get(h);
    if (!l) return;
    {
        CerrCapture cap;
        delete l->pm;
    }
    emscripten_webgl_make_context_current(0);
    emscripten_webgl_destroy_context(l->ctx);
    if (!l->currentPath.empty()) std::remove(l->currentPath.c_str());
    g_layers[h - 1] = nullptr;
    if (g_current == l) g_current = nullptr;
    delete l;
}

EMSCRIPTEN_KEEPALIVE
const char *pmw_lastError(int h) {
    if (h <= 0 || h > (int)g_layers.size() || !g_layers[h - 1]) return g_globalError.c_str();
    return g_layers[h - 1]->lastError.c_str();
}

EMSCRIPTEN_KEEPALIVE
const char *pmw_lastWarning(int h) {
    if (h <= 0 || h > (int)g_layers.size() || !g_layers[h - 1]) return "";
    return g_layers[h - 1]->lastWarning.c_str();
}

}  // extern "C"
