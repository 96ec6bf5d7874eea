package dev.concbench.bench.suite;

import dev.concbench.results.GitInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Asks git which commit a working tree is at and whether tracked files were changed. */
final class GitProbe {

    private static final long TIMEOUT_SECONDS = 10;

    private GitProbe() {
    }

    /** The tree's commit and dirty flag; no commit when git is missing or this is no git tree. */
    static GitInfo probe(Path tree) {
        Optional<String> commit = git(tree, "rev-parse", "HEAD").filter(hash -> hash.matches("[0-9a-f]{7,64}"));
        if (commit.isEmpty()) {
            return new GitInfo(null, false);
        }
        // Untracked files do not count: the result files this run writes are untracked.
        boolean dirty = git(tree, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty())
                .orElse(false);
        return new GitInfo(commit.get(), dirty);
    }

    /** Runs git in the tree; its standard output, stripped, or empty when it fails or is missing. */
    static Optional<String> git(Path tree, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", tree.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
