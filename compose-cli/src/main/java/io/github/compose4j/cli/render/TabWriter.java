package io.github.compose4j.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns as Go's {@code text/tabwriter} does with the settings
 * Docker Compose uses for its tables (minimum width 20, padding 3, spaces): every column but the
 * last is padded to its widest cell plus the padding. Tools parse these tables, so widths match.
 */
public final class TabWriter {
    private final int minWidth;
    private final int padding;
    private final List<String[]> rows = new ArrayList<>();

    public TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** Compose's table settings. */
    public static TabWriter compose() {
        return new TabWriter(20, 3);
    }

    public TabWriter row(String... cells) {
        rows.add(cells);
        return this;
    }

    public TabWriter row(List<String> cells) {
        return row(cells.toArray(new String[0]));
    }

    /** The aligned text, one line per row, each ending with a newline. */
    public String render() {
        // Go's tabwriter aligns a column over the consecutive lines that have a cell in it.
        StringBuilder out = new StringBuilder();
        int n = rows.size();
        int[][] widths = new int[n][];
        for (int r = 0; r < n; r++) {
            widths[r] = new int[Math.max(0, rows.get(r).length - 1)];
        }
        int maxCols = 0;
        for (String[] row : rows) {
            maxCols = Math.max(maxCols, row.length - 1);
        }
        for (int c = 0; c < maxCols; c++) {
            int r = 0;
            while (r < n) {
                if (rows.get(r).length - 1 <= c) {
                    r++;
                    continue;
                }
                int start = r;
                int width = 0;
                while (r < n && rows.get(r).length - 1 > c) {
                    width = Math.max(width, displayWidth(rows.get(r)[c]) + padding);
                    r++;
                }
                width = Math.max(width, minWidth);
                for (int k = start; k < r; k++) {
                    widths[k][c] = width;
                }
            }
        }
        for (int r = 0; r < n; r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    int pad = widths[r][c] - displayWidth(row[c]);
                    line.append(" ".repeat(Math.max(0, pad)));
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static int displayWidth(String s) {
        return s.codePointCount(0, s.length());
    }
}
