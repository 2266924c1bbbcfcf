package io.jenkins.plugins.deploysteps.templates;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.MissingMethodException;
import groovy.lang.Script;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Runs a shared library's templates with Groovy 2.4 as Jenkins loads a Global Pipeline Library: {@code src/} on the
 * class path, each {@code vars/<name>.groovy} a global variable called as {@code name(...)}, {@code resources/} read by
 * {@code libraryResource}. Our steps run on the real engine ({@link EngineSteps}); the Pipeline basics the templates
 * use are played here: {@code stage}, {@code parallel} (a thread per branch, failFast interrupting the others),
 * {@code echo}, {@code error}, {@code sleep}, {@code fileExists}, {@code writeFile}, {@code junit} and {@code archiveArtifacts} (recorded)
 * and {@code currentBuild.result}. A test tool: Jenkins itself runs the same files under its CPS interpreter.
 */
public final class LibraryPipeline {
    private static final Duration BRANCH_LIMIT = Duration.ofMinutes(20);
    private static final Duration SLEEP_LIMIT = Duration.ofMinutes(5);

    private final Path library;
    private final Path workspace;
    private final EngineSteps steps;
    private final Consumer<String> console;
    private final PipelineRecord record = new PipelineRecord();
    private final Binding binding = new Binding();
    private final GroovyClassLoader loader;
    private final Map<String, Script> vars = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger scripts = new java.util.concurrent.atomic.AtomicInteger();

    public LibraryPipeline(Path library, Path workspace, EngineSteps steps, Consumer<String> console) {
        this.library = library;
        this.workspace = workspace;
        this.steps = steps;
        this.console = console;
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PipelineScript.class.getName());
        config.setSourceEncoding("UTF-8");
        this.loader = new GroovyClassLoader(LibraryPipeline.class.getClassLoader(), config);
        loader.addClasspath(library.resolve("src").toString());
        binding.setVariable(PipelineScript.PIPELINE, this);
        binding.setVariable("currentBuild", new CurrentBuild(record));
        binding.setVariable("env", new LinkedHashMap<String, String>());
    }

    /** Our steps with no host configured (a run that must refuse before any host, or one that needs no SSH), log discarded. */
    public static LibraryPipeline withoutHosts(Path workspace) {
        EngineSteps steps = new EngineSteps((field, name) -> {
            throw new io.jenkins.plugins.deploysteps.engine.params.SpecException(field, "no host '" + name + "' in this run");
        }, new io.jenkins.plugins.deploysteps.testing.Recording().progress(), "test");
        return new LibraryPipeline(repositoryLibrary(), workspace, steps, line -> { });
    }

    /** The library folder of this repository. */
    public static Path repositoryLibrary() {
        return io.jenkins.plugins.deploysteps.testing.LocalTarget.repo().resolve("library");
    }

    public PipelineRecord record() {
        return record;
    }

    /** Runs a Jenkinsfile's script body (scripted Pipeline); returns what its last statement gave. */
    public Object run(String script) {
        GroovyCodeSource source = new GroovyCodeSource(script, "Jenkinsfile" + scripts.incrementAndGet(), "/groovy/script");
        // Not cached by name: every script run is its own class.
        source.setCachable(false);
        return InvokerHelper.createScript(loader.parseClass(source), binding).run();
    }

    /** Calls a global variable of the library as a Jenkinsfile would: {@code name(args)}. */
    public Object call(String name, Map<String, ?> args) {
        return var(name).orElseThrow(() -> new IllegalArgumentException("the library has no vars/" + name + ".groovy"))
                .invokeMethod("call", new Object[] {args});
    }

    Object call(Script from, String name, Object[] args) {
        switch (name) {
            case "stage":
                return stage(args[0].toString(), (Closure<?>) args[args.length - 1]);
            case "parallel":
                return parallel((Map<?, ?>) args[0]);
            case "echo":
                echo(String.valueOf(args[0]));
                return null;
            case "error":
                throw new PipelineAbort(String.valueOf(args[0]));
            case "sleep":
                return sleep(args[0]);
            case "fileExists":
                return Files.exists(workspace.resolve(args[0].toString()));
            case "writeFile":
                writeFile(named(args));
                return null;
            case "libraryResource":
                return read(library.resolve("resources").resolve(args[0].toString()));
            case "junit":
                record.junit(named(args));
                return null;
            case "archiveArtifacts":
                record.archive(named(args));
                return null;
            default:
                break;
        }
        Optional<Script> global = var(name);
        if (global.isPresent()) {
            return global.get().invokeMethod("call", args);
        }
        Optional<StepDefinition<?>> step = steps.step(name);
        if (step.isPresent()) {
            try {
                return steps.run(step.get(), args, workspace, record);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineAbort(name + " was interrupted");
            }
        }
        throw new MissingMethodException(name, from.getClass(), args);
    }

    private Optional<Script> var(String name) {
        Path file = library.resolve("vars").resolve(name + ".groovy");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(vars.computeIfAbsent(name, n -> {
            try {
                return InvokerHelper.createScript(loader.parseClass(new GroovyCodeSource(file.toFile(), "UTF-8")), binding);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private Object stage(String name, Closure<?> body) {
        record.stageStarted(name);
        echo("[Pipeline] stage: " + name);
        try {
            Object out = body.call();
            record.stageEnded(name, false);
            return out;
        } catch (RuntimeException | Error e) {
            record.stageEnded(name, true);
            throw e;
        }
    }

    /**
     * Each branch on its own thread; the call returns when all have ended. With failFast the first failure interrupts
     * the others, as Pipeline stops them; the first failure is what the call throws.
     */
    private Object parallel(Map<?, ?> given) {
        boolean failFast = Boolean.TRUE.equals(given.get("failFast"));
        List<Thread> threads = new ArrayList<>();
        Throwable[] first = new Throwable[1];
        for (Map.Entry<?, ?> e : given.entrySet()) {
            if (e.getKey().equals("failFast")) {
                continue;
            }
            Closure<?> body = (Closure<?>) e.getValue();
            threads.add(new Thread(() -> {
                try {
                    body.call();
                } catch (Throwable t) {
                    synchronized (first) {
                        if (first[0] == null) {
                            first[0] = t;
                            if (failFast) {
                                echo("Failed in branch " + e.getKey() + ": stopping the other branches (failFast)");
                                threads.forEach(other -> {
                                    if (other != Thread.currentThread()) {
                                        other.interrupt();
                                    }
                                });
                            }
                        }
                    }
                }
            }, "branch " + e.getKey()));
        }
        synchronized (first) {
            threads.forEach(Thread::start);
        }
        long deadline = System.nanoTime() + BRANCH_LIMIT.toNanos();
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    threads.forEach(Thread::interrupt);
                    throw new PipelineAbort("parallel: branch '" + t.getName() + "' did not end within " + BRANCH_LIMIT);
                }
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new PipelineAbort("parallel was interrupted");
        }
        synchronized (first) {
            if (first[0] instanceof RuntimeException r) {
                throw r;
            }
            if (first[0] instanceof Error err) {
                throw err;
            }
            if (first[0] != null) {
                throw new PipelineAbort(first[0].toString());
            }
        }
        return null;
    }

    private Object sleep(Object args) {
        long seconds;
        if (args instanceof Map<?, ?> m) {
            String unit = m.get("unit") == null ? "SECONDS" : m.get("unit").toString();
            seconds = TimeUnit.valueOf(unit).toSeconds(((Number) m.get("time")).longValue());
        } else {
            seconds = ((Number) args).longValue();
        }
        record.slept(args);
        try {
            Thread.sleep(Math.min(seconds, SLEEP_LIMIT.toSeconds()) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineAbort("sleep was interrupted");
        }
        return null;
    }

    private void echo(String line) {
        record.echo(line);
        console.accept(line);
    }

    /** As writeFile: the text to a workspace file (its folders made), in the encoding given. */
    private void writeFile(Map<String, Object> args) {
        Path file = workspace.resolve(args.get("file").toString());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, args.get("text").toString(),
                    java.nio.charset.Charset.forName(String.valueOf(args.getOrDefault("encoding", "UTF-8"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Object[] args) {
        return (Map<String, Object>) EngineSteps.plain(args[0]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code currentBuild}: the build's result as a script reads and sets it (it only ever gets worse). */
    public static final class CurrentBuild {
        private final PipelineRecord record;

        CurrentBuild(PipelineRecord record) {
            this.record = record;
        }

        public String getResult() {
            return record.result();
        }

        public void setResult(String result) {
            record.result(result);
        }
    }
}
