package dev.scratchnet.plots;

import java.awt.Color;

/** Class colours: matplotlib's "tab10", repeated past ten classes, and lighter tints for areas. */
final class Palette {

    private static final Color[] TAB10 = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    private Palette() {
    }

    static Color strong(int c) {
        return TAB10[c % TAB10.length];
    }

    /** {@code strong(c)} mixed with white: {@code tint = white + 0.35 · (colour − white)}. */
    static Color light(int c) {
        Color color = strong(c);
        return new Color(mix(color.getRed()), mix(color.getGreen()), mix(color.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(255 + 0.35 * (channel - 255));
    }
}
