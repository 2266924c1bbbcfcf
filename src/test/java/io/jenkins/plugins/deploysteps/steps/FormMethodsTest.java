package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The forms' web methods, read from the compiled classes: every one that consults a permission (it takes the job, or
 * belongs to the global Deploy hosts form, or connects somewhere) answers POST only, so no link a user follows can
 * list credentials or hosts; and every field naming a Deploy host is checked against the configured hosts.
 */
class FormMethodsTest {
    private static final String ROOT = "io/jenkins/plugins/deploysteps/";
    private static final Pattern HOST_GETTER = Pattern.compile("get([A-Za-z]*Host)");

    @Test
    void everyFormMethodThatConsultsAPermissionIsPostOnly() throws Exception {
        List<String> needPost = new ArrayList<>();
        List<String> notPost = new ArrayList<>();
        for (Class<?> c : classesUnder("config", "steps", "jenkins")) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && consultsPermission(c, m)) {
                    String name = c.getName().substring(c.getPackageName().length() + 1) + "." + m.getName();
                    needPost.add(name);
                    if (!m.isAnnotationPresent(POST.class)) {
                        notPost.add(name);
                    }
                }
            }
        }
        // The scan sees the methods it is about (a scan that finds nothing would pass for nothing).
        assertThat(needPost).contains("DeployHost$DescriptorImpl.doFillCredentialsIdItems", "DeployHost$DescriptorImpl.doTestConnection",
                "HealthCheck$DescriptorImpl.doFillCredentialsIdItems", "SettingsDescriptor.doFillCaCredentialsIdItems",
                "MagicLinkMailbox$DescriptorImpl.doFillCredentialsIdItems", "ExpiredTokenCheck$DescriptorImpl.doFillCredentialsIdItems",
                "FieldCheck.doCheck", "DeployStep$DeployDescriptor.doFillHostItems");
        assertThat(notPost).as("form methods that consult a permission but also answer GET").isEmpty();
    }

    @Test
    void everyFieldNamingADeployHostIsCheckedAgainstTheConfiguredHosts() throws Exception {
        List<String> hostFields = new ArrayList<>();
        for (Class<?> c : classesUnder("steps")) {
            if (Modifier.isAbstract(c.getModifiers()) || c.getEnclosingClass() != null) {
                continue;
            }
            for (Method getter : c.getMethods()) {
                Matcher host = HOST_GETTER.matcher(getter.getName());
                if (!host.matches() || getter.getParameterCount() != 0 || getter.getReturnType() != String.class) {
                    continue;
                }
                hostFields.add(c.getSimpleName() + "." + getter.getName());
                Class<?> descriptor = Arrays.stream(c.getDeclaredClasses()).filter(d -> d.getSimpleName().equals("DescriptorImpl")).findFirst()
                        .orElseThrow(() -> new AssertionError(c.getSimpleName() + " has no DescriptorImpl"));
                String field = Introspector.decapitalize(host.group(1));
                Method check = hasMethod(descriptor, "doCheck" + host.group(1)) ? descriptor.getMethod("doCheck" + host.group(1), Item.class, String.class)
                        : genericHostCheck(c, field);
                assertThat(check.isAnnotationPresent(POST.class)).as(c.getSimpleName() + "." + check.getName() + " is POST").isTrue();
            }
        }
        assertThat(hostFields).contains("ComposeDeployStep.getHost", "ComposeRollbackStep.getHost", "HostCheckStep.getHost",
                "NginxRouteStep.getHost", "SyncFilesStep.getHost", "HealthCheck.getHost", "MagicLinkMailbox.getHost",
                "MagicLinkAuthCheckStep.getUserRecordHost");
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }

    /**
     * The generic field check, when it serves a host field: it checks a host against the configured ones, takes the
     * job from the URL, and the field's form entry points there, under the URL that keeps the job in the path.
     */
    private static Method genericHostCheck(Class<?> type, String field) throws Exception {
        assertThat(FieldCheck.namesADeployHost(field)).as(type.getSimpleName() + "." + field + " is checked as a Deploy host").isTrue();
        URL jelly = type.getResource(type.getSimpleName() + "/config.jelly");
        assertThat(jelly).as(type.getSimpleName() + "/config.jelly").isNotNull();
        String form;
        try (InputStream in = jelly.openStream()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(form).as(type.getSimpleName() + "." + field + "'s form entry").containsPattern("field=\"" + field
                + "\">\\s*<f:combobox checkUrl=\"\\$\\{descriptor.descriptorFullUrl}/field/" + field + "/check\"");
        return FieldCheck.class.getMethod("doCheck", Item.class, String.class, StaplerRequest2.class);
    }

    private static boolean consultsPermission(Class<?> c, Method m) {
        String name = m.getName();
        if (!name.startsWith("doFill") && !name.startsWith("doCheck") && !name.startsWith("doTest")) {
            return false;
        }
        boolean takesTheJob = Arrays.stream(m.getParameterTypes()).anyMatch(Item.class::isAssignableFrom);
        boolean globalForm = c == DeployHost.DescriptorImpl.class && m.getParameterCount() > 0;
        return takesTheJob || globalForm || name.startsWith("doTest");
    }

    /** The compiled classes of the plugin's sub-packages, from the directory this build compiled them into. */
    static List<Class<?>> classesUnder(String... packages) throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(DeployHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> names = new TreeSet<>();
        for (String p : packages) {
            try (Stream<Path> files = Files.walk(classes.resolve(ROOT + p))) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String relative = classes.relativize(f).toString().replace('\\', '/');
                    names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                });
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            out.add(Class.forName(n, false, FormMethodsTest.class.getClassLoader()));
        }
        return out;
    }
}
