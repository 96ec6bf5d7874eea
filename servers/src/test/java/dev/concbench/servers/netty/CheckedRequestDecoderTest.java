package dev.concbench.servers.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.http.HttpLimits;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decoder's watch over heads that arrive in pieces, which one-write parity exchanges do not
 * reach: an obs-fold or a rejection whose head started in an earlier read gets our parser's verdict
 * on the whole head, and body bytes that look like a fold are left alone.
 */
class CheckedRequestDecoderTest {

    private final HttpLimits limits = HttpLimits.defaults();
    private final EmbeddedChannel channel = new EmbeddedChannel(new CheckedRequestDecoder(new HttpDecoderConfig()
            .setMaxInitialLineLength(limits.maxRequestLineBytes()).setMaxHeaderSize(limits.maxHeaderBytes()), limits));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void anObsFoldInALaterPieceIsRejectedWithOurReason() {
        List<HttpObject> decoded = feed("GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\r\n", " b\r\n\r\n");

        assertThat(decoded).hasSize(1);
        assertThat(verdictOf(decoded.getFirst())).isEqualTo("400 obsolete line folding");
    }

    @Test
    void aRejectedFieldLineIsJudgedWithTheRequestLineOfAnEarlierPiece() {
        List<HttpObject> decoded = feed("GET /hello HTTP/1.1\r\nHost: x\r\n", "Bad : x\r\n\r\n");

        assertThat(verdictOf(decoded.getFirst())).isEqualTo("400 whitespace before the colon of a header field");
    }

    @Test
    void aGoodHeadInPiecesAndABodyThatLooksFoldedPassUntouched() {
        List<HttpObject> decoded = feed("POST /echo HTTP/1.1\r\nHo", "st: x\r\nContent-Length: 6\r\n",
                "\r\nab\r\n", " c" + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(decoded).allSatisfy(object -> assertThat(object.decoderResult().isSuccess()).isTrue());
        assertThat(decoded.stream().filter(HttpRequest.class::isInstance)).hasSize(2);
        assertThat(decoded.stream().filter(LastHttpContent.class::isInstance)).hasSize(2);
        String body = decoded.stream().filter(HttpContent.class::isInstance).map(HttpContent.class::cast)
                .map(content -> content.content().toString(StandardCharsets.ISO_8859_1)).reduce("", String::concat);
        assertThat(body).isEqualTo("ab\r\n c");
        decoded.forEach(ReferenceCountUtil::release);
    }

    @Test
    void everythingAfterARejectedHeadIsDiscarded() {
        List<HttpObject> decoded = feed("GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n"
                + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n", "GET /json HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(decoded).hasSize(1);
        assertThat(verdictOf(decoded.getFirst())).isEqualTo("400 obsolete line folding");
    }

    private List<HttpObject> feed(String... pieces) {
        List<HttpObject> decoded = new ArrayList<>();
        for (String piece : pieces) {
            channel.writeInbound(Unpooled.copiedBuffer(piece, StandardCharsets.ISO_8859_1));
            for (Object message; (message = channel.readInbound()) != null; ) {
                decoded.add((HttpObject) message);
            }
        }
        return decoded;
    }

    private static String verdictOf(HttpObject head) {
        assertThat(head).isInstanceOf(HttpRequest.class);
        assertThat(head.decoderResult().cause()).isInstanceOf(CheckedRequestDecoder.Rejected.class);
        var verdict = ((CheckedRequestDecoder.Rejected) head.decoderResult().cause()).verdict();
        return verdict.status() + " " + verdict.getMessage();
    }
}
