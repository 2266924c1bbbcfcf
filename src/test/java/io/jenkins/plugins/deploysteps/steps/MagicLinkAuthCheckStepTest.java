package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.magiclink.MailboxSpec;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The Pipeline step and its nested forms bind to the engine under the CLI's names, every parameter, no loss. */
class MagicLinkAuthCheckStepTest {

    /** A Jenkins class's fields: its setters' and its constructor's parameters. */
    private static Set<String> fields(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        for (var c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (var p : c.getParameters()) {
                    names.add(p.getName());
                }
            }
        }
        return names;
    }

    private static Set<String> engine(String prefix) {
        return new MagicLinkAuthCheck().params().stream().map(ParamDoc::name).filter(n -> prefix.isEmpty() ? !n.contains(".") : n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theStepAndItsFormsShareTheCliVocabulary() {
        assertThat(fields(MagicLinkAuthCheckStep.class)).isEqualTo(engine(""));
        assertThat(fields(MagicLinkMailbox.class)).isEqualTo(engine("mailbox."));
        assertThat(fields(AuthenticatedCheck.class)).isEqualTo(engine("authenticatedChecks[]."));
        assertThat(fields(RateLimitCheck.class)).isEqualTo(engine("rateLimit."));
        assertThat(fields(ExpiredTokenCheck.class)).isEqualTo(engine("expiredToken."));
    }

    @Test
    void everyParameterReachesTheEngineSpec() {
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("imap");
        mailbox.setHost("mail.example.com");
        mailbox.setPort(1993);
        mailbox.setSecurity("starttls");
        mailbox.setFolder("Magic");
        mailbox.setCredentialsId("imap-login");
        AuthenticatedCheck chat = new AuthenticatedCheck();
        chat.setName("chat");
        chat.setPath("/api/chat");
        chat.setMethod("POST");
        chat.setBody("{\"message\":\"test\"}");
        chat.setHeaders(Map.of("X-Trace", "1"));
        chat.setAuth("bodyField:sessionToken");
        chat.setExpectStatus("200");
        chat.setExpectJson(Map.of("$.reply", "exists"));
        chat.setExpectBodyContains("reply");
        RateLimitCheck limit = new RateLimitCheck();
        limit.setRequests(20);
        limit.setExpectStatus("429");
        limit.setPath("/api/auth/send-magic-link");
        ExpiredTokenCheck expired = new ExpiredTokenCheck();
        expired.setTtl("90s");
        MagicLinkAuthCheckStep step = new MagicLinkAuthCheckStep(" https://app.example.com ");
        step.setMailbox(mailbox);
        step.setAuthenticatedChecks(List.of(chat));
        step.setRateLimit(limit);
        step.setExpiredToken(expired);
        step.setEmail("qa+${unique}@example.org");
        step.setHeaders(Map.of("X-Api-Key", "k"));
        step.setSendPath("/auth/link");
        step.setSendBody("{\"address\":\"${email}\"}");
        step.setExpectSendStatus("202");
        step.setMailTimeout("2m");
        step.setPollInterval("500ms");
        step.setClockSkew("5s");
        step.setLinkPattern("(?<link>https://app\\S+)");
        step.setTokenParam("t");
        step.setVerifyPath("/auth/check?t=${token}");
        step.setExpectVerifyStatus("200");
        step.setSessionCookie("sid");
        step.setUserRecordCommand("grep -F \"$1\" users");
        step.setUserRecordHost("prod-1");
        step.setRefreshPath("/auth/refresh");
        step.setRefreshMethod("PUT");
        step.setRejectInvalidToken(false);
        step.setRejectReusedToken(true);
        step.setRejectNoSession(false);
        step.setExpectInvalidStatus("400, 410");
        step.setExpectNoSessionStatus("401");
        step.setTimeout("5s");
        step.setReportName("login");
        step.setOnFailure("UNSTABLE");
        step.setArchive(false);

        MagicLinkSpec spec = new MagicLinkAuthCheck().bind(Params.of(step.toParams(), (field, id) -> new Credential.UsernamePassword("qa", "pw-" + id)));
        assertThat(spec.app().baseUrl()).hasToString("https://app.example.com");
        assertThat(spec.app().headers()).containsEntry("X-Api-Key", "k");
        assertThat(spec.mailbox()).isInstanceOfSatisfying(MailboxSpec.Imap.class, i -> {
            assertThat(i.port()).isEqualTo(1993);
            assertThat(i.security()).isEqualTo(MailboxSpec.Security.STARTTLS);
            assertThat(i.folder()).isEqualTo("Magic");
            assertThat(i.password()).isEqualTo("pw-imap-login");
        });
        assertThat(spec.authenticatedChecks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("chat");
            assertThat(c.auth()).hasToString("bodyField:sessionToken");
            assertThat(c.expectJson()).containsEntry("$.reply", "exists");
        });
        assertThat(spec.rateLimit().requests()).isEqualTo(20);
        assertThat(spec.expiredToken().ttl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.mailWait()).isEqualTo(new MagicLinkSpec.MailWait(Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(5)));
        assertThat(spec.extraction().tokenParam()).isEqualTo("t");
        assertThat(spec.verify().sessionCookie()).isEqualTo("sid");
        assertThat(spec.userRecord().host()).isEqualTo("prod-1");
        assertThat(spec.refresh()).isEqualTo(new MagicLinkSpec.Refresh("/auth/refresh", "PUT"));
        assertThat(spec.negatives().invalidToken()).isFalse();
        assertThat(spec.negatives().noSession()).isFalse();
        assertThat(spec.common().archive()).isFalse();
        assertThat(spec.hosts()).containsExactly("prod-1");
    }

    @Test
    void unsetParametersLeaveTheEngineDefaults() {
        MagicLinkAuthCheckStep step = new MagicLinkAuthCheckStep("https://app/");
        step.setSendPath("  ");
        assertThat(step.toParams()).isEqualTo(Map.of("baseUrl", "https://app/", "archive", true));
        assertThat(StepParams.of(new MagicLinkMailbox(), MagicLinkAuthCheck.MAILBOX_PARAMS)).isEmpty();
        assertThat(StepParams.of(new AuthenticatedCheck(), MagicLinkAuthCheck.CHECK_PARAMS)).isEmpty();
    }

    @Test
    void jenkinsfileCheckMapsKeepGroovyValuesAndRefuseUnknownKeys() {
        Map<String, Object> groovy = new LinkedHashMap<>();
        groovy.put("path", "/api/user/profile");
        groovy.put("expectStatus", List.of(200, 204));
        groovy.put("expectJson", Map.of("$.id", 7));
        assertThat(AuthenticatedCheck.fromPipeline(groovy)).containsEntry("expectStatus", "200, 204").containsEntry("expectJson", Map.of("$.id", "7"));
        groovy.put("auht", "bearer");
        assertThatThrownBy(() -> AuthenticatedCheck.fromPipeline(groovy)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("auht: unknown parameter (did you mean 'auth'?)");
    }

    @Test
    void formChecksSayWhatTheEngineSays() {
        assertThat(StepForms.problem(new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "verifyPath", "/verify"))
                .contains("must contain ${token} where the token goes, e.g. '/api/auth/verify?token=${token}'");
        assertThat(StepForms.problemInList(new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "authenticatedChecks", Map.of("path", "/p"),
                "auth", "basic")).contains("'basic' is not 'bearer', 'cookie', 'header:<Name>' or 'bodyField:<name>'");
        assertThat(StepForms.problem(new MagicLinkAuthCheck(), Map.of("baseUrl", "http://x/"), "mailbox", Map.of("type", "imap", "host", "h", "port", "99999")))
                .contains("99999 is out of range (1 to 65535)");
    }

    /** A nested field's form check, as its descriptor makes it: the field's text bound by the engine next to the smallest valid rest. */
    private static Optional<String> nestedField(String parent, Map<String, Object> minimal, String field, String text, String separator) {
        return FieldCheck.ofSetting(new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, parent, minimal, field, separator)
                .orElseThrow().problem(text);
    }

    private static Optional<String> mailboxField(String field, String text) {
        return nestedField("mailbox", MagicLinkMailbox.formMinimal(field), field, text, ": ");
    }

    @Test
    void nestedFormFieldsAreCheckedThroughTheEnginesBinding() {
        assertThat(mailboxField("port", "99999")).contains("99999 is out of range (1 to 65535)");
        assertThat(mailboxField("port", "993")).isEmpty();
        assertThat(mailboxField("url", "ftp://x")).contains("'ftp://x' is not an http:// or https:// URL with a host");
        assertThat(mailboxField("url", "http://mail:8025")).isEmpty();
        assertThat(mailboxField("timeout", "0s")).contains("must be longer than zero");
        assertThat(mailboxField("security", "tls")).contains("'tls' is not one of 'ssl', 'starttls', 'none'");
        assertThat(mailboxField("timeout", "")).isEmpty();
        Map<String, Object> none = Map.of();
        assertThat(nestedField("rateLimit", none, "requests", "0", ": "))
                .contains("0 is out of range (1 to 1000)");
        assertThat(nestedField("rateLimit", none, "expectStatus", "OK", ": ")).get().asString()
                .startsWith("'OK' is not a status");
        assertThat(nestedField("rateLimit", none, "path", "api/send", ": ")).get().asString()
                .contains("must be a path starting with '/'");
        assertThat(nestedField("expiredToken", none, "ttl", "2h", ": ")).get().asString()
                .startsWith("is longer than an hour");
        assertThat(nestedField("expiredToken", none, "ttl", "90s", ": ")).isEmpty();
        Map<String, Object> check = Map.of("path", "/p");
        assertThat(nestedField("authenticatedChecks", check, "expectJson", "$.email", " = "))
                .contains("line 1 ('$.email') is not 'key = value'");
        assertThat(nestedField("authenticatedChecks", check, "expectJson", "$.email = ${mail}", " = "))
                .contains("${mail} is not known here; only ${email} is");
        assertThat(nestedField("authenticatedChecks", Map.of(), "path", "profile", " = ")).get().asString()
                .contains("must be a path starting with '/'");
        assertThat(nestedField("authenticatedChecks", check, "expectStatus", "2xx", ": ")).isEmpty();
    }

    @Test
    void theGraphShowsTheAppAndTheMailboxKindOnly() {
        assertThat(MagicLinkAuthCheckStep.describe(Map.of("baseUrl", "https://app.example.com", "mailbox", Map.of("type", "mailpit", "url", "http://m/"),
                "verifyPath", "/v?token=${token}"))).isEqualTo("https://app.example.com (mailpit)");
    }

    /** A form as Jenkins renders it: its config.jelly with the fragments it includes (the login's, which composeDeploy's form includes too). */
    private static String form(Path dir) throws java.io.IOException {
        Path resources = LocalTarget.repo().resolve("src/main/resources");
        String jelly = Files.readString(dir.resolve("config.jelly"));
        StringBuilder all = new StringBuilder(jelly);
        java.util.regex.Matcher include = java.util.regex.Pattern.compile("<st:include page=\"([^\"]+)\"").matcher(jelly);
        while (include.find()) {
            String page = include.group(1);
            all.append(Files.readString(page.startsWith("/") ? resources.resolve(page.substring(1)) : dir.resolve(page)));
        }
        return all.toString();
    }

    @Test
    void everyFieldHasAFormEntryAndAHelpFile() throws Exception {
        Path resources = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps");
        for (Class<?> type : List.of(MagicLinkAuthCheckStep.class, MagicLinkMailbox.class, AuthenticatedCheck.class, RateLimitCheck.class,
                ExpiredTokenCheck.class)) {
            Path dir = resources.resolve(type.getSimpleName());
            String jelly = form(dir);
            assertThat(dir.resolve("help.html")).exists();
            for (String field : fields(type)) {
                assertThat(dir.resolve("help-" + field + ".html")).as(type.getSimpleName() + "." + field).exists();
                assertThat(jelly).as(type.getSimpleName() + "." + field).contains("field=\"" + field + "\"");
            }
        }
    }
}
