package io.jenkins.plugins.deploysteps.cli;

/** Entry point of {@code java -jar deploy-steps-cli.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err, System::getenv).run(args));
    }
}
