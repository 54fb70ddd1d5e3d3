package org.roster.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

/** A request body read through its cap: whole when it fits, refused the moment it runs over. */
class CappedBodyTest {

    private static final String DETAIL = "The request body is larger than 8 bytes.";

    /** A body as the container hands it over. */
    /** A request body of this many bytes, as the container hands a chunked one over. */
    static ServletInputStream body(int bytes) {
        InputStream in = new ByteArrayInputStream(new byte[bytes]);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }

    @Test
    void aBodyUpToTheCapIsReadWhole() throws IOException {
        assertThat(new CappedBody(body(8), 8, DETAIL).readAllBytes()).hasSize(8);
        assertThat(new CappedBody(body(3), 8, DETAIL).readAllBytes()).hasSize(3);
    }

    @Test
    void aBodyOverTheCapIsRefusedWithTheDetail() {
        CappedBody capped = new CappedBody(body(9), 8, DETAIL);

        assertThatThrownBy(capped::readAllBytes).isInstanceOf(CappedBody.TooLarge.class).hasMessage(DETAIL);
        assertThat(capped.overran()).isTrue();
    }

    @Test
    void aReaderThatAsksForExactlyTheCapStillLearnsThereWasMore() {
        CappedBody capped = new CappedBody(body(9), 8, DETAIL);

        assertThatThrownBy(() -> capped.readNBytes(8)).isInstanceOf(CappedBody.TooLarge.class);
    }

    @Test
    void readingOnAfterTheRefusalIsRefusedAgainNotTakenForTheEnd() {
        CappedBody capped = new CappedBody(body(20), 8, DETAIL);
        assertThatThrownBy(capped::readAllBytes).isInstanceOf(CappedBody.TooLarge.class);

        assertThatThrownBy(capped::read).isInstanceOf(CappedBody.TooLarge.class);
    }

    @Test
    void bytesAreCountedOneAtATimeToo() throws IOException {
        CappedBody capped = new CappedBody(body(9), 8, DETAIL);
        for (int i = 0; i < 7; i++) {
            assertThat(capped.read()).isZero();
        }

        assertThatThrownBy(capped::read).isInstanceOf(CappedBody.TooLarge.class);
    }

    @Test
    void sizesAreNamedAsPeopleReadThem() {
        assertThat(RequestBodyLimit.size(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(RequestBodyLimit.size(256 * 1024)).isEqualTo("256 KiB");
        assertThat(RequestBodyLimit.size(1500)).isEqualTo("1500 bytes");
    }
}
