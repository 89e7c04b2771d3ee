package org.alignlab.core;

import java.util.Locale;

/** How big a run is: {@code QUICK} runs in seconds (tests, default reproduce), {@code PAPER} follows the published setup. */
public enum Scale {
    QUICK,
    PAPER;

    public static Scale parse(String text) {
        for (Scale s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) return s;
        }
        throw new UsageException("unknown scale '" + text + "': use quick or paper");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
