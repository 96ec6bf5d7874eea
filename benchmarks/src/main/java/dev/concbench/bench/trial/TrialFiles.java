package dev.concbench.bench.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concbench.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Trial records on disk: the forked benchmark JVM writes one file per trial into the directory
 * the runner gave it, the runner reads them all once the benchmark is done. Each file is written
 * atomically ({@link AtomicFiles}), so a reader never sees half a record.
 */
public final class TrialFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SUFFIX = ".trial.json";

    private TrialFiles() {
    }

    /** Writes a record as a new file in the directory and returns its path. */
    public static Path write(Path directory, TrialRecord record) throws IOException {
        Path target = directory.resolve("trial-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + SUFFIX);
        AtomicFiles.write(target, JSON.writeValueAsBytes(record));
        return target;
    }

    /** Every record in the directory, oldest file first; none when the directory does not exist. */
    public static List<TrialRecord> readAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> {
            try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
                return a.compareTo(b);
            }
        });
        List<TrialRecord> records = new ArrayList<>();
        for (Path file : sorted) {
            records.add(JSON.readValue(file.toFile(), TrialRecord.class));
        }
        return records;
    }
}
