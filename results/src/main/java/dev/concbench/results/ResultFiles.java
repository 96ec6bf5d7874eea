package dev.concbench.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads and writes result files. Thread-safe; holds no state besides its immutable Jackson
 * configuration.
 *
 * <p>Output is stable: UTF-8, two-space indentation, {@code \n} line ends, fields in record
 * order, map keys sorted, instants as ISO-8601 UTC, a final newline. Reading is strict: every
 * field must be present (nullable ones as {@code null}), unknown fields and trailing content are
 * errors, and every record's own checks apply.
 */
public final class ResultFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(instantAsIsoString())
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(stablePrettyPrinter());

    private ResultFiles() {
    }

    /**
     * Reads a result file.
     *
     * @throws ResultFileException if the file is missing, unreadable, truncated, not JSON, not a
     *                             result, of another schema version, or invalid; the message is
     *                             one line naming the file and the problem
     */
    public static RunResult read(Path file) throws ResultFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new ResultFileException(file, ResultFileException.Problem.MISSING, "no such file", missing);
        } catch (AccessDeniedException denied) {
            throw new ResultFileException(file, ResultFileException.Problem.UNREADABLE, "permission denied", denied);
        } catch (IOException unreadable) {
            throw new ResultFileException(file, ResultFileException.Problem.UNREADABLE,
                    "cannot read (" + describe(unreadable) + ")", unreadable);
        }
        return parse(file, bytes);
    }

    /** Parses result file content; {@code file} only names the source in error messages. */
    public static RunResult parse(Path file, byte[] content) throws ResultFileException {
        JsonNode tree = readTree(file, content);
        if (!tree.isObject()) {
            throw new ResultFileException(file, ResultFileException.Problem.NOT_A_RESULT,
                    "not a concbench result file (the JSON is not an object)", null);
        }
        JsonNode schema = tree.get("schema");
        if (schema == null) {
            throw new ResultFileException(file, ResultFileException.Problem.NOT_A_RESULT,
                    "not a concbench result file (no \"schema\" field)", null);
        }
        if (!schema.isIntegralNumber()) {
            throw new ResultFileException(file, ResultFileException.Problem.UNSUPPORTED_SCHEMA,
                    "\"schema\" must be a whole number, got " + schema, null);
        }
        int version = schema.asInt();
        if (version > RunResult.SCHEMA_VERSION) {
            throw new ResultFileException(file, ResultFileException.Problem.UNSUPPORTED_SCHEMA,
                    "schema version " + version + " is newer than this concbench reads (" + RunResult.SCHEMA_VERSION
                            + "); use a newer concbench", null);
        }
        if (version == 1) {
            fromSchema1((ObjectNode) tree);
        }
        if (version == 1 || version == 2) {
            fromSchema2((ObjectNode) tree);
        }
        if (version >= 1 && version <= 3) {
            fromSchema3((ObjectNode) tree);
        } else if (version != RunResult.SCHEMA_VERSION) {
            throw new ResultFileException(file, ResultFileException.Problem.UNSUPPORTED_SCHEMA,
                    "schema version " + version + " is not one this concbench reads (1 to " + RunResult.SCHEMA_VERSION
                            + ")", null);
        }
        try {
            return MAPPER.treeToValue(tree, RunResult.class);
        } catch (JsonMappingException invalid) {
            throw new ResultFileException(file, ResultFileException.Problem.INVALID,
                    "invalid result: " + describeMapping(invalid), invalid);
        } catch (JsonProcessingException invalid) {
            throw new ResultFileException(file, ResultFileException.Problem.INVALID,
                    "invalid result: " + invalid.getOriginalMessage(), invalid);
        }
    }

    /**
     * Brings a schema-1 tree to schema 2, which only added fields: {@code errors.malformed} is 0
     * (schema 1 counted malformed responses under {@code body}) and {@code client} is null (not
     * recorded). Fields a schema-1 file lacks for other reasons still fail the strict read.
     */
    private static void fromSchema1(ObjectNode run) {
        forEachResult(run, entry -> {
            if (entry.get("errors") instanceof ObjectNode errors && !errors.has("malformed")) {
                errors.put("malformed", 0);
            }
            if (!entry.has("client")) {
                entry.putNull("client");
            }
        });
    }

    /**
     * Brings a schema-2 tree to schema 3, which only added fields: a plain run ({@code abBaseline}
     * null, no unavailable model); per result no side, no family, no windows, no extras, no
     * histograms, no connection that gave up; {@code reference} is true for {@code netty}, the only
     * reference model before schema 3.
     */
    private static void fromSchema2(ObjectNode run) {
        if (!run.has("abBaseline")) {
            run.putNull("abBaseline");
        }
        if (!run.has("unavailableModels")) {
            run.putObject("unavailableModels");
        }
        forEachResult(run, entry -> {
            putNullIfAbsent(entry, "side");
            putNullIfAbsent(entry, "family");
            if (!entry.has("reference")) {
                entry.put("reference", "netty".equals(entry.path("model").asText()));
            }
            if (!entry.has("windows")) {
                entry.putArray("windows");
            }
            if (!entry.has("extras")) {
                entry.putObject("extras");
            }
            if (entry.get("latency") instanceof ObjectNode latency) {
                putNullIfAbsent(latency, "uncorrectedHistogram");
                putNullIfAbsent(latency, "correctedHistogram");
            }
            if (entry.get("fairness") instanceof ObjectNode fairness && !fairness.has("gaveUpConnections")) {
                fairness.put("gaveUpConnections", 0);
            }
        });
    }

    /**
     * Brings a schema-3 tree to schema 4, which only added fields: no server machine (its servers
     * ran on its own machine), no rate sweep, and no result marked as a server that could not take
     * the load (schema 3 marked those invalid).
     */
    private static void fromSchema3(ObjectNode run) {
        run.put("schema", RunResult.SCHEMA_VERSION);
        putNullIfAbsent(run, "serverMachine");
        if (!run.has("sweeps")) {
            run.putArray("sweeps");
        }
        forEachResult(run, entry -> putNullIfAbsent(entry, "overload"));
    }

    /** Applies a step to every result object of a run's tree (what is not an object is left to the strict read). */
    private static void forEachResult(ObjectNode run, Consumer<ObjectNode> step) {
        JsonNode results = run.get("results");
        if (results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            if (result instanceof ObjectNode entry) {
                step.accept(entry);
            }
        }
    }

    private static void putNullIfAbsent(ObjectNode node, String field) {
        if (!node.has(field)) {
            node.putNull(field);
        }
    }

    /**
     * Writes a result file atomically (see {@link AtomicFiles}), creating missing directories. A
     * reader never sees a half-written file; on failure an existing file is left unchanged.
     */
    public static void write(Path file, RunResult run) throws IOException {
        AtomicFiles.write(file, toJson(run).getBytes(StandardCharsets.UTF_8));
    }

    /** The exact text {@link #write} stores. */
    public static String toJson(RunResult run) {
        try {
            return WRITER.writeValueAsString(run) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("a RunResult always serialises", impossible);
        }
    }

    private static JsonNode readTree(Path file, byte[] content) throws ResultFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(content);
        } catch (JsonEOFException truncated) {
            throw new ResultFileException(file, ResultFileException.Problem.TRUNCATED,
                    "truncated JSON (input ends" + where(truncated.getLocation()) + ")", truncated);
        } catch (MismatchedInputException | StreamReadException notJson) {
            String message = notJson.getOriginalMessage();
            if (message != null && message.contains("end-of-input")) {
                throw new ResultFileException(file, ResultFileException.Problem.TRUNCATED,
                        "truncated JSON (input ends" + where(notJson.getLocation()) + ")", notJson);
            }
            throw new ResultFileException(file, ResultFileException.Problem.NOT_JSON,
                    "not JSON" + where(notJson.getLocation()) + " (" + firstSentence(message) + ")", notJson);
        } catch (IOException unreadable) {
            throw new ResultFileException(file, ResultFileException.Problem.UNREADABLE,
                    "cannot parse (" + describe(unreadable) + ")", unreadable);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ResultFileException(file, ResultFileException.Problem.TRUNCATED, "empty file", null);
        }
        return tree;
    }

    private static String describeMapping(JsonMappingException invalid) {
        String path = invalid.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String problem;
        String missing = missingCreatorProperty(invalid);
        if (invalid instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field \"" + unknown.getPropertyName() + "\"";
            path = withoutLastField(path, unknown.getPropertyName());
        } else if (missing != null) {
            problem = "missing field \"" + missing + "\" (nullable fields are written as null, not left out)";
            path = withoutLastField(path, missing);
        } else if (invalid instanceof ValueInstantiationException failedCheck && failedCheck.getCause() != null) {
            problem = failedCheck.getCause().getMessage();
        } else {
            problem = firstSentence(invalid.getOriginalMessage());
        }
        return path.isEmpty() ? problem : path + ": " + problem;
    }

    private static String missingCreatorProperty(JsonMappingException invalid) {
        String message = invalid.getOriginalMessage();
        var matcher = java.util.regex.Pattern.compile("^Missing creator property '([^']+)'")
                .matcher(message == null ? "" : message);
        return invalid instanceof MismatchedInputException && matcher.find() ? matcher.group(1) : null;
    }

    private static String withoutLastField(String path, String field) {
        return path.replaceFirst("\\.?" + java.util.regex.Pattern.quote(field) + "$", "");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static String describe(IOException failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static DefaultPrettyPrinter stablePrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter()
                .withSeparators(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    private static SimpleModule instantAsIsoString() {
        return new SimpleModule("concbench-instants")
                .addSerializer(Instant.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeString(value.toString());
                    }
                })
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String text = parser.getValueAsString();
                        if (text != null) {
                            try {
                                return Instant.parse(text);
                            } catch (DateTimeParseException notAnInstant) {
                                // reported below
                            }
                        }
                        return (Instant) context.handleWeirdStringValue(Instant.class, String.valueOf(text),
                                "not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
                    }
                });
    }
}
