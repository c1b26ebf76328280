package se.stratlas.archive.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts rows (COPY text ends each with a newline; newlines in values are escaped) and
 * hashes the bytes.
 */
public final class CountingDigest extends DigestOutputStream {

	private long rows;

	public CountingDigest(OutputStream out) {
		super(out, sha256Digest());
	}

	@Override
	public void write(int b) throws IOException {
		if (b == '\n') {
			this.rows++;
		}
		super.write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] == '\n') {
				this.rows++;
			}
		}
		super.write(bytes, offset, length);
	}

	/** The rows counted so far. */
	public long rows() {
		return this.rows;
	}

	/** The SHA-256 of the bytes written, in hex. */
	public String sha256() {
		return HexFormat.of().formatHex(getMessageDigest().digest());
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
