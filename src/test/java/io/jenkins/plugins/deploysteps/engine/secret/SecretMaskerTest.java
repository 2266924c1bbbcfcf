package io.jenkins.plugins.deploysteps.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksEveryOccurrenceLongestFirst() {
        SecretMasker m = new SecretMasker();
        m.register("hunter2");
        m.register("hunter2-extended");
        assertThat(m.mask("pw=hunter2-extended and hunter2")).isEqualTo("pw=**** and ****");
    }

    @Test
    void multiLineSecretsAreMaskedLineByLine() {
        SecretMasker m = new SecretMasker();
        m.register("-----BEGIN KEY-----\nAAAABBBBCCCC\n-----END KEY-----");
        assertThat(m.mask("leaked: AAAABBBBCCCC")).isEqualTo("leaked: ****");
    }

    @Test
    void refusesValuesTooShortToMask() {
        SecretMasker m = new SecretMasker();
        assertThat(m.register("ab")).isFalse();
        assertThat(m.mask("about abc")).isEqualTo("about abc");
    }

    @Test
    void secretSplitAcrossChunksIsStillMasked() {
        SecretMasker m = new SecretMasker();
        m.register("s3cr3t-token");
        List<String> lines = new ArrayList<>();
        MaskingLineSplitter s = new MaskingLineSplitter(m, lines::add);
        feed(s, "token: s3c");
        feed(s, "r3t-");
        feed(s, "token done\nnext ");
        feed(s, "line s3cr3t-token");
        s.finish();
        assertThat(lines).containsExactly("token: **** done", "next line ****");
    }

    @Test
    void randomChunkingNeverLeaks() {
        RandomInputs in = new RandomInputs();
        String secret = "tok_" + Long.toHexString(in.random().nextLong());
        SecretMasker m = new SecretMasker();
        m.register(secret);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                text.append(in.random().nextBoolean() ? secret : in.nastyString(30).replace('\u0000', ' '));
                if (in.random().nextInt(4) == 0) {
                    text.append('\n');
                }
            }
            List<String> lines = new ArrayList<>();
            MaskingLineSplitter s = new MaskingLineSplitter(m, lines::add);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + in.random().nextInt(7));
                s.accept(bytes, at, n);
                at += n;
            }
            s.finish();
            assertThat(String.join("\n", lines)).as(in.replay()).doesNotContain(secret);
        }
    }

    @Test
    void veryLongLinesAreEmittedInPiecesWithoutCuttingASecret() {
        SecretMasker m = new SecretMasker();
        m.register("0123456789-secret");
        List<String> lines = new ArrayList<>();
        MaskingLineSplitter s = new MaskingLineSplitter(m, lines::add);
        String filler = "x".repeat(MaskingLineSplitter.MAX_LINE - 5);
        feed(s, filler + "0123456789-secret" + "y".repeat(40000));
        s.finish();
        assertThat(lines.size()).isGreaterThan(1);
        assertThat(String.join("", lines)).doesNotContain("secret").contains("****").hasSize(filler.length() + 4 + 40000);
    }

    private static void feed(MaskingLineSplitter s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.accept(b, 0, b.length);
    }
}
