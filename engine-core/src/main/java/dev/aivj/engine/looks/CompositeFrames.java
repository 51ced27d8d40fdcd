package dev.aivj.engine.looks;

/**
 * Puts a foreground frame over a background frame the way the page stacks its two layer canvases: CSS
 * {@code mix-blend-mode} (screen, plus-lighter = add, normal) of the foreground at an opacity, over an opaque
 * background. Per channel, with colours in 0..1 and B = blend(bg, fg):
 * out = bg·(1 − opacity) + B·opacity, where screen B = 1 − (1 − bg)(1 − fg), add B = min(1, bg + fg), normal B = fg.
 */
public final class CompositeFrames {
    /** The page's blend modes, by their CSS names. */
    public enum Blend {
        SCREEN("screen"), ADD("plus-lighter"), NORMAL("normal");

        public final String css;

        Blend(String css) {
            this.css = css;
        }
    }

    private CompositeFrames() {
    }

    /** Writes the composite of n pixels of packed RGB into out (which may be either input). */
    public static void composite(byte[] fg, int fgOffset, byte[] bg, int bgOffset, int pixels, Blend blend,
            double opacity, byte[] out, int outOffset) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be within 0..1, got " + opacity);
        }
        int a = (int) Math.round(opacity * 255);
        for (int i = 0; i < pixels * 3; i++) {
            int f = fg[fgOffset + i] & 0xff;
            int b = bg[bgOffset + i] & 0xff;
            int mixed = switch (blend) {
                case SCREEN -> 255 - (255 - b) * (255 - f) / 255;
                case ADD -> Math.min(255, b + f);
                case NORMAL -> f;
            };
            out[outOffset + i] = (byte) ((b * (255 - a) + mixed * a + 127) / 255);
        }
    }
}
