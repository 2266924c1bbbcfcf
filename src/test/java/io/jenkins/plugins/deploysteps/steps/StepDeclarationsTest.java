package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollback;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Jenkins classes hold no parameter facts of their own: every declared parameter is a property of the Step
 * (a getter, and a {@code @DataBoundSetter} unless the constructor takes it) and nothing else is; every one has a
 * help file; and a help file that states a default states the declared one.
 */
class StepDeclarationsTest {
    /**
     * How help files state a default: "<code>30s</code> (the default)", "Default: <code>/</code>", "(default 5)", a list's
     * "Default: <code>a</code> and <code>b</code>".
     */
    private static final List<Pattern> STATED_DEFAULT = List.of(
            Pattern.compile("<code>([^<]+)</code>,?[^<.;:]{0,20}(?:\\((?:the )?default[,)]|the default)"),
            Pattern.compile("(?i)\\(default:? (?:<code>)?([^<)\\s]+)(?:</code>)?\\)"),
            Pattern.compile("(?i)default(?::| is| to)? (<code>[^<]+</code>(?:(?:,| and|, and) <code>[^<]+</code>)*)"),
            Pattern.compile("(?i)default(?::| is| to)? (\\d\\w*)(?=[\\s;,.<)]|$)"),
            Pattern.compile("\\b([A-Z][A-Z0-9_]+|\\d\\w*) \\(the default\\)"));

    static Stream<Arguments> steps() {
        return Stream.of(Arguments.of(HostCheckStep.class, new HostCheck().declarations(), List.of("host")),
                Arguments.of(ComposeDeployStep.class, new ComposeDeploy().declarations(), List.of("host", "dir")),
                Arguments.of(ComposeRollbackStep.class, new ComposeRollback().declarations(), List.of("host", "dir")),
                Arguments.of(NginxRouteStep.class, new NginxRoute().declarations(), List.of("host", "site", "location")),
                Arguments.of(SyncFilesStep.class, new SyncFiles().declarations(), List.of("host", "from", "to")),
                Arguments.of(HealthVerifyStep.class, new HealthVerify().declarations(), List.of()),
                Arguments.of(HealthCheck.class, HealthVerify.CHECK_PARAMS, List.of()),
                Arguments.of(TlsCertificates.class, HealthVerify.TLS_PARAMS, List.of()),
                Arguments.of(MagicLinkAuthCheckStep.class, new MagicLinkAuthCheck().declarations(), List.of("baseUrl")),
                Arguments.of(MagicLinkMailbox.class, MagicLinkAuthCheck.MAILBOX_PARAMS, List.of()),
                Arguments.of(AuthenticatedCheck.class, MagicLinkAuthCheck.CHECK_PARAMS, List.of()),
                Arguments.of(RateLimitCheck.class, MagicLinkAuthCheck.RATE_LIMIT_PARAMS, List.of()),
                Arguments.of(ExpiredTokenCheck.class, MagicLinkAuthCheck.EXPIRED_TOKEN_PARAMS, List.of()));
    }

    /**
     * Nested settings whose Jenkins class is a whole step, with the step's nested declarations: composeDeploy's
     * {@code verifyMagicLink} is a {@link MagicLinkAuthCheckStep}, of which only magicLinkAuthCheck's login is read.
     */
    static Stream<Arguments> stepsAsSettings() {
        return Stream.of(Arguments.of(ComposeDeployStep.class, new ComposeDeploy().declarations(), "verifyMagicLink", MagicLinkAuthCheck.FLOW_PARAMS,
                List.of("baseUrl")));
    }

    private static Set<String> properties(Class<?> step, List<String> constructorParams) {
        Set<String> properties = new TreeSet<>(constructorParams);
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                properties.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return properties;
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyDeclaredParameterIsAPropertyOfTheStepAndNothingElseIs(Class<?> step, ParamSet declared, List<String> constructorParams) {
        assertThat(properties(step, constructorParams)).isEqualTo(new TreeSet<>(declared.names()));
        for (String name : declared.names()) {
            assertThat(StepParams.getter(step, name)).as(step.getSimpleName() + " getter of " + name).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyHelpFileStatesTheDeclaredDefault(Class<?> step, ParamSet declared, List<String> constructorParams) throws IOException {
        assertThat(helpProblems(step, declared)).as(step.getSimpleName()).isEmpty();
    }

    /**
     * A step used as another's setting: the setting's nested declarations are the ones the engine reads, each a property of
     * the step class (so {@code StepParams} reads it by its getter) with a help file stating the declared default; the
     * class's other properties, all the step's own declarations, are what the setting does not take.
     */
    @ParameterizedTest
    @MethodSource("stepsAsSettings")
    void aStepUsedAsASettingHasEveryNestedDeclarationAsAPropertyWithHelp(Class<?> owner, ParamSet ownerDeclared, String setting, ParamSet nested,
            List<String> constructorParams) throws IOException {
        assertThat(ownerDeclared.get(setting).orElseThrow().nested()).as(setting + "'s nested declarations").isSameAs(nested);
        Class<?> step = StepParams.getter(owner, setting).orElseThrow().getReturnType();
        assertThat(DeployStep.class).as(owner.getSimpleName() + "." + setting + " is a step class").isAssignableFrom(step);
        assertThat(properties(step, constructorParams)).as(step.getSimpleName() + " has every nested declaration of " + setting)
                .containsAll(nested.names());
        for (String name : nested.names()) {
            assertThat(StepParams.getter(step, name)).as(step.getSimpleName() + " getter of " + name).isPresent();
        }
        assertThat(helpProblems(step, nested)).as(step.getSimpleName() + " as " + setting).isEmpty();
    }

    /** Every nested setting held by a step class is one of those above, whose declarations the test holds it to. */
    @org.junit.jupiter.api.Test
    void everyStepUsedAsASettingIsHeldToItsNestedDeclarations() {
        Set<String> listed = new TreeSet<>();
        stepsAsSettings().forEach(a -> listed.add(((Class<?>) a.get()[0]).getSimpleName() + "." + a.get()[2]));
        Set<String> found = new TreeSet<>();
        steps().forEach(a -> {
            Class<?> owner = (Class<?>) a.get()[0];
            for (Param<?> p : ((ParamSet) a.get()[1]).all()) {
                Optional<Method> getter = StepParams.getter(owner, p.name());
                if (p.kind() == Param.Kind.SETTINGS && getter.isPresent() && DeployStep.class.isAssignableFrom(getter.get().getReturnType())) {
                    found.add(owner.getSimpleName() + "." + p.name());
                }
            }
        });
        assertThat(found).contains("ComposeDeployStep.verifyMagicLink").isEqualTo(listed);
    }

    private static List<String> helpProblems(Class<?> step, ParamSet declared) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Param<?> p : declared.all()) {
            String help = helpFile(step, p.name());
            if (help == null) {
                problems.add(p.name() + ": no help-" + p.name() + ".html");
                continue;
            }
            Optional<String> stated = statedDefault(help);
            if (stated.isPresent() && !(p.hasLiteralDefault() ? stated.get().equals(p.plainDefault()) : p.defaultText().contains(unescape(stated.get())))) {
                problems.add(p.name() + ": the help file states the default " + stated.get() + ", the declaration " + p.defaultText());
            } else if (stated.isEmpty() && mustStateDefault(p)) {
                problems.add(p.name() + ": the help file does not state the default " + p.defaultText());
            }
        }
        return problems;
    }

    @org.junit.jupiter.api.Test
    void oneFieldCheckServesEveryFieldThroughTheEnginesBinding() {
        HostCheck step = new HostCheck();
        java.util.function.Function<String, io.jenkins.plugins.deploysteps.jenkins.FieldCheck> field =
                name -> io.jenkins.plugins.deploysteps.jenkins.FieldCheck.of(step, java.util.Map.of("host", "h"), name, ": ").orElseThrow();
        assertThat(field.apply("timeout").problem("soon")).isPresent();
        assertThat(field.apply("timeout").problem("45s")).isEmpty();
        assertThat(field.apply("paths").problem("/\nvar/lib")).contains("'var/lib' must be an absolute path");
        assertThat(field.apply("requireCommands").problem("docker\nrm -rf")).contains("'rm -rf' is not a command name");
        assertThat(field.apply("maxLoad").problem("-1")).contains("-1 must be at least 0.0");
        assertThat(field.apply("reportName").problem("../x")).get().asString().contains("is not usable as a file name");
        assertThat(field.apply("minFreeDisk").problem("")).isEmpty();
    }

    /** A checkbox or an empty field shows its default in the form itself; any other default is stated in words. */
    private static boolean mustStateDefault(Param<?> p) {
        return p.hasLiteralDefault() && p.kind() != Param.Kind.BOOLEAN && p.kind() != Param.Kind.FLAG && !p.plainDefault().isEmpty()
                && !"[:]".equals(p.defaultText());
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static Optional<String> statedDefault(String help) {
        for (Pattern pattern : STATED_DEFAULT) {
            Matcher m = pattern.matcher(help);
            if (m.find()) {
                // A list default is stated entry by entry ("<code>**/.env</code> and <code>**/.env.*</code>"), as a field holds it.
                return Optional.of(m.group(1).replaceAll("</code>(?:,| and|, and) <code>", "\n").replaceAll("</?code>", "").strip());
            }
        }
        return Optional.empty();
    }

    /** The field's help, from the step's own folder or the one of the class it inherits the field from. */
    private static String helpFile(Class<?> step, String field) throws IOException {
        for (Class<?> c = step; c != null; c = c.getSuperclass()) {
            URL url = c.getResource(c.getSimpleName() + "/help-" + field + ".html");
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
