package org.roster.app.http;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that may be read only up to a limit: the byte after the limit ends the reading
 * with {@link TooLarge}, so a body sent without a length (chunked) is refused as soon as it runs
 * over, and nothing past the limit is kept.
 */
final class CappedBody extends ServletInputStream {

    /** The body ran over its limit; {@link #detail()} says which limit, for the refusal. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(String detail) {
            super(detail);
        }

        String detail() {
            return getMessage();
        }
    }

    private final ServletInputStream in;
    private final long limit;
    private final String detail;
    private long count;
    private boolean ended;
    private boolean overran;

    CappedBody(ServletInputStream in, long limit, String detail) {
        this.in = in;
        this.limit = limit;
        this.detail = detail;
    }

    /** Whether the body ran over the limit. */
    boolean overran() {
        return overran;
    }

    @Override
    public int read() throws IOException {
        refuseIfOverran();
        if (ended) {
            return -1;
        }
        int b = in.read();
        if (b == -1) {
            ended = true;
            return -1;
        }
        counted(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseIfOverran();
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n == -1) {
            ended = true;
            return -1;
        }
        counted(n);
        return n;
    }

    private void counted(int n) throws IOException {
        count += n;
        if (count == limit) {
            // a reader that asks for exactly the limit would never see what follows: look for one byte more
            int next = in.read();
            if (next == -1) {
                ended = true;
                return;
            }
            count++;
        }
        if (count > limit) {
            overran = true;
            refuseIfOverran();
        }
    }

    /** Once over the limit, every further read fails too: no reader may take a cut-off body for a whole one. */
    private void refuseIfOverran() throws TooLarge {
        if (overran) {
            throw new TooLarge(detail);
        }
    }

    @Override
    public boolean isFinished() {
        return ended || in.isFinished();
    }

    @Override
    public boolean isReady() {
        return ended || in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
