package dev.concbench.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseDecoderTest {

    /** What the decoder says about one completed response. */
    record Decoded(int status, long bodyLength, long checksum, boolean keepAlive) {
    }

    private static final String PIPELINE = ""
            + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!"
            + "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 999\r\n\r\n"
            + "5;name=value\r\nHello\r\n8\r\n, World!\r\n0\r\nTrailer: yes\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
            + "HTTP/1.0 404 Not Found\nConnection: Keep-Alive\ncontent-length:  4 \n\nnope"
            + "HTTP/1.1 500 Internal Server Error\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n";

    private static final List<Decoded> EXPECTED = List.of(
            new Decoded(200, 13, crc("Hello, World!"), true),
            new Decoded(201, 13, crc("Hello, World!"), true),
            new Decoded(204, 0, crc(""), true),
            new Decoded(404, 4, crc("nope"), true),
            new Decoded(500, 0, crc(""), false));

    @Test
    void decodesPipelinedResponsesOfEveryFraming() throws Exception {
        assertThat(decodeInParts(PIPELINE, List.of(PIPELINE.length()))).isEqualTo(EXPECTED);
    }

    @Test
    void decodesTheSameWhereverTheBytesAreSplit() throws Exception {
        for (int split = 1; split < PIPELINE.length(); split++) {
            assertThat(decodeInParts(PIPELINE, List.of(split, PIPELINE.length() - split)))
                    .as("split at %d", split).isEqualTo(EXPECTED);
        }
    }

    @Test
    void decodesTheSameFedOneByteAtATime() throws Exception {
        List<Integer> bytes = new ArrayList<>();
        for (int i = 0; i < PIPELINE.length(); i++) {
            bytes.add(1);
        }
        assertThat(decodeInParts(PIPELINE, bytes)).isEqualTo(EXPECTED);
    }

    @Test
    void responsesToHeadHaveNoBodyWhateverTheirHeadersSay() throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(true, false);
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n");
        try {
            assertThat(decoder.decode(in)).isTrue();
            assertThat(decoder.bodyLength()).isZero();
            assertThat(decoder.decode(in)).isTrue();
            assertThat(in.isReadable()).isFalse();
        } finally {
            in.release();
        }
    }

    @Test
    void aBodyWithoutLengthEndsWhenTheServerCloses() throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(false, true);
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\n\r\nuntil the end");
        try {
            assertThat(decoder.decode(in)).isFalse();
            assertThat(decoder.endOfInput()).isEqualTo(ResponseDecoder.EndOfInput.COMPLETE);
            assertThat(decoder.bodyLength()).isEqualTo(13);
            assertThat(decoder.bodyChecksum()).isEqualTo(crc("until the end"));
            assertThat(decoder.keepAlive()).isFalse();
        } finally {
            in.release();
        }
    }

    @Test
    void saysWhereTheInputEnded() throws Exception {
        assertThat(endOfInputAfter("")).isEqualTo(ResponseDecoder.EndOfInput.BETWEEN_RESPONSES);
        assertThat(endOfInputAfter("HTTP/1.1 200 OK\r\nContent-Len")).isEqualTo(ResponseDecoder.EndOfInput.IN_HEAD);
        assertThat(endOfInputAfter("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
                .isEqualTo(ResponseDecoder.EndOfInput.IN_BODY);
        assertThat(endOfInputAfter("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"))
                .isEqualTo(ResponseDecoder.EndOfInput.IN_BODY);
        assertThat(endOfInputAfter("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"))
                .isEqualTo(ResponseDecoder.EndOfInput.BETWEEN_RESPONSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/2 200 OK\r\n\r\n",
            "HTTP/1.2 200 OK\r\n\r\n",
            "HTTP/1.1 20x OK\r\n\r\n",
            "HTTP/1.1 2000 OK\r\n\r\n",
            "HTTP/1.1 200OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1 2\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
            "HTTP/1.1 101 Switching Protocols\r\n\r\n",
    })
    void rejectsMalformedResponses(String response) {
        ResponseDecoder decoder = new ResponseDecoder(false, false);
        ByteBuf in = ascii(response + "\n".repeat(3));
        try {
            assertThatThrownBy(() -> {
                while (in.isReadable()) {
                    decoder.decode(in);
                }
            }).isInstanceOf(MalformedResponseException.class);
        } finally {
            in.release();
        }
    }

    @Test
    void rejectsAHeaderSectionOverItsLimit() {
        ResponseDecoder decoder = new ResponseDecoder(false, false);
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseDecoder.MAX_HEAD_BYTES) + "\r\n\r\n");
        try {
            assertThatThrownBy(() -> decoder.decode(in)).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("header section longer");
        } finally {
            in.release();
        }
    }

    @Test
    void resetForgetsAHalfDecodedResponse() throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(false, false);
        ByteBuf half = ascii("HTTP/1.1 500 Oops\r\nContent-Length: 100\r\n\r\nabc");
        ByteBuf whole = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        try {
            assertThat(decoder.decode(half)).isFalse();
            decoder.reset();
            assertThat(decoder.decode(whole)).isTrue();
            assertThat(decoder.status()).isEqualTo(200);
            assertThat(decoder.bodyLength()).isEqualTo(2);
        } finally {
            half.release();
            whole.release();
        }
    }

    private static ResponseDecoder.EndOfInput endOfInputAfter(String bytes) throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(false, false);
        ByteBuf in = ascii(bytes);
        try {
            while (in.isReadable()) {
                decoder.decode(in);
            }
            return decoder.endOfInput();
        } finally {
            in.release();
        }
    }

    private static List<Decoded> decodeInParts(String text, List<Integer> partLengths) throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(false, true);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Decoded> decoded = new ArrayList<>();
        int offset = 0;
        for (int length : partLengths) {
            // A direct buffer, as the client gets from the socket.
            ByteBuf part = Unpooled.directBuffer(length).writeBytes(bytes, offset, length);
            offset += length;
            try {
                while (part.isReadable()) {
                    if (decoder.decode(part)) {
                        decoded.add(new Decoded(decoder.status(), decoder.bodyLength(), decoder.bodyChecksum(),
                                decoder.keepAlive()));
                    }
                }
            } finally {
                part.release();
            }
        }
        return decoded;
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static long crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.ISO_8859_1));
        return crc.getValue();
    }
}
