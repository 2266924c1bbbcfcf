package io.jenkins.plugins.deploysteps.engine.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a checkout's HEAD points at, read from the {@code .git} files themselves (no git program needed on the
 * agent): a detached HEAD, a branch ref, a packed ref, and worktrees' {@code gitdir:} files.
 */
final class GitHead {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitHead() {}

    /** The HEAD commit of the checkout holding {@code dir}, looking up to {@code top}; empty when there is none. */
    static Optional<String> of(Path dir, Path top) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(top.toAbsolutePath().normalize()); p = p.getParent()) {
            Path git = p.resolve(".git");
            if (Files.exists(git)) {
                try {
                    return read(git);
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path git) throws IOException {
        Path gitDir = git;
        if (Files.isRegularFile(git)) {
            String line = Files.readString(git, StandardCharsets.UTF_8).strip();
            if (!line.startsWith("gitdir:")) {
                return Optional.empty();
            }
            gitDir = git.resolveSibling(line.substring(7).strip());
        }
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).strip());
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (!head.startsWith("ref: ")) {
            return Optional.empty();
        }
        String ref = head.substring(5).strip();
        for (Path base : new Path[] {gitDir, common}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose, StandardCharsets.UTF_8).strip();
                return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                if (f.length == 2 && f[1].equals(ref) && SHA.matcher(f[0]).matches()) {
                    return Optional.of(f[0]);
                }
            }
        }
        return Optional.empty();
    }
}
