package io.dataguardian.bench.corpus;

import java.util.ArrayList;
import java.util.List;

/** A text under construction that remembers where each planted value went. */
final class LabelledText {

    private final StringBuilder text = new StringBuilder(8192);
    private final String eol;
    private final List<Label> positives = new ArrayList<>();
    private final List<Label> negatives = new ArrayList<>();
    private int line = 1;
    private int column = 1;

    LabelledText(String eol) {
        this.eol = eol;
    }

    LabelledText t(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (!"\n".equals(eol)) {
                    text.append(eol, 0, eol.length() - 1);
                }
                text.append('\n');
                line++;
                column = 1;
            } else {
                text.append(c);
                column++;
            }
        }
        return this;
    }

    LabelledText nl() {
        return t("\n");
    }

    /** Appends a value a scanner must report. */
    LabelledText pos(EntityType type, String kind, String value) {
        positives.add(place(type, kind, value));
        return this;
    }

    LabelledText pos(Values.Planted p) {
        return pos(p.type(), p.kind(), p.value());
    }

    /** Appends a look-alike a scanner must not report. */
    LabelledText neg(EntityType confusableWith, String kind, String value) {
        negatives.add(place(confusableWith, kind, value));
        return this;
    }

    private Label place(EntityType type, String kind, String value) {
        int start = text.length();
        int l = line;
        int c = column;
        t(value);
        return new Label(type, kind, l, c, line, column, start, text.length() - start);
    }

    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    List<Label> positives() {
        return positives;
    }

    List<Label> negatives() {
        return negatives;
    }
}
