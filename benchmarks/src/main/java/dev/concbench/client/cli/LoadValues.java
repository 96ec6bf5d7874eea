package dev.concbench.client.cli;

import dev.concbench.client.Request;
import dev.concbench.client.SlowSend;
import dev.concbench.results.Objective;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The load command's values from their words. Each converter refuses a bad word with a short
 * reason, which picocli prefixes with the option's name. Numbers may be grouped with {@code _}.
 */
final class LoadValues {

    private static final Pattern SLOW = Pattern.compile("(\\d+)x(.+)");
    private static final Pattern RATES = Pattern.compile("([^:]+):([^:]+)(?::([^:]+))?");

    private LoadValues() {
    }

    /** A whole number above zero that fits an {@code int}. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            long value = positive(wholeNumber(text), text);
            if (value > Integer.MAX_VALUE) {
                throw new TypeConversionException(text + " is too large");
            }
            return (int) value;
        }
    }

    /** A whole number above zero. */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return positive(wholeNumber(text), text);
        }
    }

    /** A whole number, zero or more. */
    static final class NonNegativeLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return wholeNumber(text);
        }
    }

    /** A finite rate above zero. */
    static final class PositiveRate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double value;
            try {
                value = Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("needs a number, not '" + text + "'");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new TypeConversionException("must be positive, was " + text);
            }
            return value;
        }
    }

    /**
     * The rates of a sweep, {@code FROM:TO[:STEPS]}.
     *
     * @param from  the lowest rate, requests/s
     * @param to    the highest, above {@code from}
     * @param steps how many rates, at least 2, or {@code null} when not given
     */
    record SweepRates(double from, double to, Integer steps) {
    }

    /** {@code FROM:TO[:STEPS]}, e.g. {@code 1000:64000:8}: rates in requests/s, the highest above the lowest. */
    static final class Rates implements ITypeConverter<SweepRates> {
        @Override
        public SweepRates convert(String text) {
            Matcher matcher = RATES.matcher(text);
            if (!matcher.matches()) {
                throw new TypeConversionException("needs FROM:TO[:STEPS] in requests/s, e.g. 1000:64000:8, not '"
                        + text + "'");
            }
            double from = new PositiveRate().convert(matcher.group(1));
            double to = new PositiveRate().convert(matcher.group(2));
            if (!(to > from)) {
                throw new TypeConversionException("TO must be above FROM, got '" + text + "'");
            }
            Integer steps = matcher.group(3) == null ? null : new PositiveInt().convert(matcher.group(3));
            if (steps != null && steps < 2) {
                throw new TypeConversionException("a curve needs at least 2 STEPS, got '" + text + "'");
            }
            return new SweepRates(from, to, steps);
        }
    }

    /** A latency objective as {@link Objective#parse} reads it, e.g. {@code p99<10ms}. */
    static final class ObjectiveText implements ITypeConverter<Objective> {
        @Override
        public Objective convert(String text) {
            try {
                return Objective.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A duration as wrk writes it ({@link Units#parseDuration}), zero allowed. */
    static final class AnyDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return duration(text);
        }
    }

    /** A duration as wrk writes it, above zero. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration value = duration(text);
            if (value.isZero()) {
                throw new TypeConversionException("must be positive, was " + text);
            }
            return value;
        }
    }

    /** {@code PIECESxGAP}, e.g. {@code 5x20ms}. */
    static final class Slow implements ITypeConverter<SlowSend> {
        @Override
        public SlowSend convert(String text) {
            Matcher matcher = SLOW.matcher(text);
            if (!matcher.matches()) {
                throw new TypeConversionException("needs PIECESxGAP, e.g. 5x20ms, not '" + text + "'");
            }
            return new SlowSend(new PositiveInt().convert(matcher.group(1)), duration(matcher.group(2)));
        }
    }

    /** {@code Name: value}. */
    static final class Header implements ITypeConverter<Request.Header> {
        @Override
        public Request.Header convert(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new TypeConversionException("needs 'Name: value', not '" + text + "'");
            }
            try {
                return new Request.Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An {@code http://} URL with a host and no fragment. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI url;
            try {
                url = new URI(text);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("invalid URL '" + text + "': " + e.getReason());
            }
            if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("http")) {
                throw new TypeConversionException("only http:// URLs are supported, not '" + text + "'");
            }
            if (url.getHost() == null) {
                throw new TypeConversionException("no host in URL '" + text + "'");
            }
            if (url.getRawFragment() != null) {
                throw new TypeConversionException("a URL fragment (#...) is never sent: '" + text + "'");
            }
            return url;
        }
    }

    private static long wholeNumber(String text) {
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a whole number, not '" + text + "'");
        }
        if (value < 0) {
            throw new TypeConversionException("must not be negative, was " + text);
        }
        return value;
    }

    private static long positive(long value, String text) {
        if (value == 0) {
            throw new TypeConversionException("must be positive, was " + text);
        }
        return value;
    }

    private static Duration duration(String text) {
        try {
            return Units.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
