package se.stratlas.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip response built from a large part compressed once and the small parts around it
 * compressed on each request, as nginx's {@code gzip_static} does for files. Every part
 * is a run of raw deflate blocks from a compressor of its own that ends byte-aligned (a
 * sync flush); runs like these follow one another in one deflate stream, since no part
 * refers back into another. Only the last part finishes the stream; the gzip trailer's
 * CRC-32 and length cover all parts.
 * <p>
 * A frozen annual report (some 1 MB of HTML) is thus not compressed again for each
 * reader: the page around it (a few kB with the reader's name and CSRF token) is.
 */
public final class SplicedGzip {

	private static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private SplicedGzip() {
	}

	/** A text compressed once, to be spliced into responses. */
	public record Part(byte[] text, byte[] deflated) {

		/** What the part weighs in memory, in bytes. */
		public int weight() {
			return this.text.length + this.deflated.length;
		}

	}

	/**
	 * Compresses a text once, as a run of deflate blocks that does not end the stream.
	 */
	public static Part part(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new Part(bytes, deflate(bytes, Deflater.BEST_COMPRESSION, false));
	}

	/**
	 * Writes {@code head}, the compressed part and {@code tail} as one gzip stream.
	 */
	public static void write(OutputStream out, String head, Part part, String tail) throws IOException {
		byte[] before = head.getBytes(StandardCharsets.UTF_8);
		byte[] after = tail.getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(before);
		crc.update(part.text());
		crc.update(after);
		long length = (long) before.length + part.text().length + after.length;
		out.write(HEADER);
		out.write(deflate(before, Deflater.DEFAULT_COMPRESSION, false));
		out.write(part.deflated());
		out.write(deflate(after, Deflater.DEFAULT_COMPRESSION, true));
		writeIntLittleEndian(out, (int) crc.getValue());
		writeIntLittleEndian(out, (int) length);
	}

	/** Raw deflate blocks of the bytes: ending the stream, or byte-aligned to go on. */
	private static byte[] deflate(byte[] bytes, int level, boolean last) {
		Deflater deflater = new Deflater(level, true);
		try {
			deflater.setInput(bytes);
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
			byte[] buffer = new byte[16 * 1024];
			if (last) {
				deflater.finish();
				while (!deflater.finished()) {
					out.write(buffer, 0, deflater.deflate(buffer));
				}
			}
			else {
				int written;
				do {
					written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
					out.write(buffer, 0, written);
				}
				while (written == buffer.length);
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static void writeIntLittleEndian(OutputStream out, int value) throws IOException {
		out.write(value & 0xff);
		out.write((value >>> 8) & 0xff);
		out.write((value >>> 16) & 0xff);
		out.write((value >>> 24) & 0xff);
	}

}
