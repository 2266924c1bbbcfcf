package io.jenkins.plugins.deploysteps.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random inputs for property tests. Each run takes a fresh seed (or {@code -Dproperty.seed=N} to
 * replay one) and every failure message names it, so a failing case can always be reproduced.
 */
public final class RandomInputs {
    private static final char[] SHELL_SPECIALS = "'\"\\$`!*?[]{}();&|<>~# \t\n\r=%^-".toCharArray();
    private static final char[] UNICODE = {'é', '中', '€', 'ß', '\u2028'};

    private final long seed;
    private final Random random;

    public RandomInputs() {
        this(Long.getLong("property.seed", System.nanoTime()));
    }

    public RandomInputs(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    /** Strings built to break quoting: shell metacharacters, control characters, non-ASCII, empty. */
    public String nastyString(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(3)) {
                case 0 -> b.append(SHELL_SPECIALS[random.nextInt(SHELL_SPECIALS.length)]);
                case 1 -> b.append((char) (1 + random.nextInt(0xff)));
                default -> b.append(UNICODE[random.nextInt(UNICODE.length)]);
            }
        }
        return b.toString();
    }

    public <T> List<T> list(int min, int max, Function<RandomInputs, T> element) {
        int n = min + random.nextInt(max - min + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(this));
        }
        return out;
    }

    /** For assertion descriptions: how to replay this run. */
    public String replay() {
        return "replay with -Dproperty.seed=" + seed;
    }
}
