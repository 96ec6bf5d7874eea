package dev.concbench.servers.netty;

import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpLimits;
import dev.concbench.servers.http.RequestParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Netty's request decoder, held to our codec's verdicts where Netty's differ: Netty folds an
 * obs-fold line into the previous value silently, and words its rejections its own way. So each
 * request head is watched as Netty consumes it: when it holds an obs-fold, or when Netty rejects
 * it, the same bytes go through our {@link RequestParser}, and its {@link HttpException} becomes
 * the head's failure ({@link Rejected}), which the handler answers as our models do. Everything after
 * a rejected head is discarded: the connection closes after the answer.
 *
 * <p>The cost on the common path is one scan of the head's bytes (an obs-fold is a line that
 * starts with a space or tab); the bytes of a head that arrives in pieces are copied aside until
 * it is complete. One instance per connection; confined to its event loop.
 */
final class CheckedRequestDecoder extends HttpRequestDecoder {

    /** The failure of a head our parser rejects: the verdict to answer with. */
    static final class Rejected extends DecoderException {

        private final HttpException verdict;

        Rejected(HttpException verdict) {
            super(verdict.getMessage());
            this.verdict = verdict;
        }

        HttpException verdict() {
            return verdict;
        }
    }

    private static final byte[] NONE = new byte[0];

    private final HttpLimits limits;
    /** Whether the next bytes Netty consumes belong to a request head. */
    private boolean inHead = true;
    /** The bytes of the current head consumed by earlier calls (a head that arrived in pieces). */
    private byte[] earlier = NONE;
    private int earlierLength;
    private boolean discarding;
    private final FoldFinder foldFinder = new FoldFinder();

    CheckedRequestDecoder(HttpDecoderConfig config, HttpLimits limits) {
        super(config);
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        if (discarding) {
            buffer.skipBytes(buffer.readableBytes());
            return;
        }
        int first = out.size();
        int start = buffer.readerIndex();
        super.decode(ctx, buffer, out);
        if (!inHead) {
            afterBody(out, first);
            return;
        }
        if (out.size() == first) { // a partial head: Netty consumed whole lines only
            keep(buffer, start, buffer.readerIndex());
            return;
        }
        HttpObject decoded = (HttpObject) out.get(first);
        boolean failed = decoded.decoderResult().isFailure();
        // a failed head: Netty skipped every readable byte; they are still in the buffer
        int end = failed ? buffer.writerIndex() : buffer.readerIndex();
        if (failed || holdsObsFold(buffer, start, end)) {
            HttpException verdict = ourVerdict(buffer, start, end);
            if (verdict != null) {
                reject((HttpMessage) decoded, verdict, out, first);
            }
            discarding = true;
        } else {
            inHead = out.getLast() instanceof LastHttpContent; // the request is whole, or a body follows
        }
        earlierLength = 0;
    }

    private void afterBody(List<Object> out, int first) {
        for (int i = first; i < out.size(); i++) {
            if (out.get(i) instanceof LastHttpContent last) {
                inHead = true;
                discarding = last.decoderResult().isFailure();
            }
        }
    }

    private void keep(ByteBuf buffer, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (earlierLength + n > earlier.length) {
            earlier = Arrays.copyOf(earlier, Math.max(earlierLength + n, Math.max(256, earlier.length * 2)));
        }
        buffer.getBytes(from, earlier, earlierLength, n);
        earlierLength += n;
    }

    private boolean holdsObsFold(ByteBuf buffer, int from, int to) {
        foldFinder.lastByte = 0;
        if (foldFinder.scan(earlier, earlierLength)) {
            return true;
        }
        return from < to && buffer.forEachByte(from, to - from, foldFinder) >= 0;
    }

    /** What our parser says of the head's bytes, or {@code null} when it accepts them or wants more. */
    private HttpException ourVerdict(ByteBuf buffer, int from, int to) {
        byte[] head = Arrays.copyOf(earlier, earlierLength + (to - from));
        buffer.getBytes(from, head, earlierLength, to - from);
        try {
            new RequestParser(limits).parse(ByteBuffer.wrap(head));
            return null;
        } catch (HttpException e) {
            return e;
        }
    }

    /** Makes {@code head} fail with {@code verdict} and drops what Netty decoded after it. */
    private static void reject(HttpMessage head, HttpException verdict, List<Object> out, int first) {
        head.setDecoderResult(DecoderResult.failure(new Rejected(verdict)));
        while (out.size() > first + 1) {
            ReferenceCountUtil.release(out.removeLast());
        }
    }

    /** Finds a line that starts with a space or tab (obs-fold), given the byte before the scan. */
    private static final class FoldFinder implements ByteProcessor {

        byte lastByte;

        @Override
        public boolean process(byte value) {
            boolean fold = lastByte == '\n' && (value == ' ' || value == '\t');
            lastByte = value;
            return !fold;
        }

        boolean scan(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (!process(bytes[i])) {
                    return true;
                }
            }
            return false;
        }
    }
}
