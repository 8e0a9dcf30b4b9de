package dev.scratchnet.data;

/**
 * Digits of the bundled 8×8 set drawn as people draw them — with margins, off centre, small and large,
 * dark on light and light on dark — for the tests of {@link DigitImage}.
 */
final class DrawnDigits {

    /** Page width, height, left, top, pixel size, dark on light (0/1) of each way of drawing. */
    static final int[][] WAYS = {
        {200, 150, 120, 20, 6, 1}, // off centre to the right, dark ink on a light page
        {200, 150, 10, 90, 5, 0},  // near the bottom left corner, light on dark
        {300, 300, 140, 140, 2, 1}, // small in the middle of a large page
        {160, 160, 10, 10, 17, 0}, // large, filling the page
    };

    private DrawnDigits() {
    }

    /**
     * {@code digit} (64 values in [0, 1], row by row) drawn the way {@code way} of {@link #WAYS} says: each of
     * its 8×8 pixels a square of the way's pixel size; grey values, 1 white.
     */
    static double[][] drawn(double[] digit, int[] way) {
        int width = way[0];
        int height = way[1];
        int left = way[2];
        int top = way[3];
        int pixel = way[4];
        boolean darkOnLight = way[5] == 1;
        double[][] page = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int row = (y - top) / pixel;
                int column = (x - left) / pixel;
                boolean inside = y >= top && x >= left && row < 8 && column < 8;
                double ink = inside ? digit[row * 8 + column] : 0;
                page[y][x] = darkOnLight ? 1 - ink : ink;
            }
        }
        return page;
    }
}
