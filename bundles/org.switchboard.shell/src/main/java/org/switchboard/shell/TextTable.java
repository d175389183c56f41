package org.switchboard.shell;

import java.util.List;

import org.apache.commons.lang3.StringUtils;

/** Rows of text in aligned columns, the first row being the header; the last column is not padded. */
final class TextTable {

    private TextTable() {
    }

    static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            if (out.length() > 0) {
                out.append(System.lineSeparator());
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : StringUtils.rightPad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing());
        }
        return out.toString();
    }
}
