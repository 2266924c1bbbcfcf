package io.jenkins.plugins.deploysteps.engine.magiclink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import io.jenkins.plugins.deploysteps.testing.Recording;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Finding the link and token in an email, and masking every form they take there. */
class LinkExtractorTest {
    private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=";

    private static MailMessage mail(String text, String html) {
        return new MailMessage("1", List.of("a@b.test"), "app@b.test", "Sign in", Instant.now(), text, html);
    }

    private static LinkExtractor defaults() {
        return new LinkExtractor(new MagicLinkSpec.Extraction(null, "token"));
    }

    @Test
    void randomTokensInTextAndHtmlAreFoundWholeAndMaskedEverywhere() {
        RandomInputs in = new RandomInputs();
        for (int round = 0; round < 300; round++) {
            StringBuilder t = new StringBuilder();
            for (int i = 0, n = 8 + in.random().nextInt(40); i < n; i++) {
                t.append(TOKEN_CHARS.charAt(in.random().nextInt(TOKEN_CHARS.length())));
            }
            boolean html = in.random().nextBoolean();
            if (!html && ".~=/+".indexOf(t.charAt(t.length() - 1)) >= 0) {
                t.append('x'); // in plain text a final '.' reads as the sentence's; links in text are cut there (HTML is exact)
            }
            String token = t.toString();
            String link = "https://app.example.com/auth/verify?source=mail&token=" + Placeholders.encode(token) + (in.random().nextBoolean() ? "&x=1" : "");
            String trailing = List.of(".", ",", ")", "!", "", "\n").get(in.random().nextInt(6));
            MailMessage m = html ? mail(null, "<p><a href=\"" + link.replace("&", "&amp;") + "\">Sign in</a></p><a href=\"https://app.example.com/help\">help</a>")
                    : mail("Hello " + in.nastyString(20).replace('\u0000', ' ') + "\nhttps://app.example.com/help first, then: " + link + trailing + " bye", null);
            LinkExtractor.Found f = defaults().find(m).orElseThrow(() -> new AssertionError("no link in " + m + in.replay()));
            assertThat(f.token()).as(in.replay()).isEqualTo(token);
            assertThat(f.link()).as(in.replay()).isEqualTo(link);

            Recording log = new Recording();
            SecretMasker masker = log.masker();
            SessionSecrets secrets = new SessionSecrets(masker, new Progress(log, masker), defaults());
            secrets.token(f.token());
            secrets.link(f.link());
            String shown = masker.mask(m.describe(4000));
            assertThat(shown).as(in.replay()).doesNotContain(Placeholders.encode(token)).doesNotContain(link).contains("****");
        }
    }

    @Test
    void aPatternsNamedGroupsPickLinkAndToken() {
        MailMessage m = mail("Your code link: https://app.example.com/magic/abc123XYZ/confirm (valid 15 min)", null);
        LinkExtractor byPath = new LinkExtractor(new MagicLinkSpec.Extraction(Pattern.compile("(?<link>https://\\S+/magic/(?<token>[A-Za-z0-9]+)/confirm)"),
                "token"));
        assertThat(byPath.find(m)).hasValueSatisfying(f -> {
            assertThat(f.link()).isEqualTo("https://app.example.com/magic/abc123XYZ/confirm");
            assertThat(f.token()).isEqualTo("abc123XYZ");
        });
        assertThat(defaults().find(m)).isEmpty();
        assertThat(defaults().describeMiss(m)).isEqualTo("no link with a 'token' query parameter in the email (it has 1 link)");
        assertThat(new LinkExtractor(new MagicLinkSpec.Extraction(null, "t")).find(mail("go https://x.test/v?t=a%2Bb&u=1", null)))
                .hasValueSatisfying(f -> assertThat(f.token()).isEqualTo("a+b"));
    }

    @Test
    void anInvalidTokenTakesTheRealOnesPlaceInTheLink() {
        assertThat(LinkExtractor.withToken("https://app/v?source=mail&token=abc&x=1", "token", "invalid 1"))
                .isEqualTo("https://app/v?source=mail&token=invalid%201&x=1");
    }

    @Test
    void anAddressCountsOnlyAsAWholeWord() {
        Pattern p = MailMessage.mentions("dev@example.test");
        assertThat(p.matcher("magic link for dev@example.test: http://x").find()).isTrue();
        assertThat(p.matcher("to <DEV@example.test>").find()).isTrue();
        assertThat(p.matcher("xdev@example.test").find()).isFalse();
        assertThat(p.matcher("dev@example.test.old").find()).isFalse();
        assertThat(p.matcher("dev@example.testing").find()).isFalse();
        assertThat(p.matcher("dev@example.test.").find()).isTrue();
    }
}
