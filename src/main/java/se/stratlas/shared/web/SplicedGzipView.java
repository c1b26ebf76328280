package se.stratlas.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.View;

/**
 * A page with a large part that never changes (a frozen report), answered gzipped with
 * the part compressed once ({@link SplicedGzip}). The page is rendered as usual with
 * {@link #MARKER} where the part goes; the rest of it is compressed per request. For
 * clients that accept gzip only ({@link #accepted}); the others get the page as usual.
 */
public final class SplicedGzipView implements View {

	/**
	 * Where the part goes: a comment no user text can make (user text is escaped or
	 * sanitized, and this one is new each start).
	 */
	public static final String MARKER = "<!--stratlas-part-" + UUID.randomUUID() + "-->";

	private final View page;

	private final SplicedGzip.Part part;

	public SplicedGzipView(View page, SplicedGzip.Part part) {
		this.page = page;
		this.part = part;
	}

	/** Whether the client takes gzip ({@code Accept-Encoding}, unless with q=0). */
	public static boolean accepted(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (accepted == null) {
			return false;
		}
		for (String coding : accepted.split(",")) {
			String[] parts = coding.trim().split(";");
			if (parts[0].trim().equalsIgnoreCase("gzip")) {
				return !(parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
			}
		}
		return false;
	}

	@Override
	public String getContentType() {
		return this.page.getContentType();
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Buffered buffered = new Buffered(response);
		this.page.render(model, request, buffered);
		String html = buffered.text();
		int at = html.indexOf(MARKER);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (at < 0) {
			response.getWriter().write(html);
			return;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(this.part.deflated().length + 8192);
		SplicedGzip.write(body, html.substring(0, at), this.part, html.substring(at + MARKER.length()));
		// Tomcat leaves a response that already has a Content-Encoding as it is.
		response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

	/** The response with its text kept in memory; headers go through. */
	private static final class Buffered extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter(16 * 1024);

		private final PrintWriter writer = new PrintWriter(this.text);

		Buffered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public void flushBuffer() {
			this.writer.flush();
		}

		String text() {
			this.writer.flush();
			return this.text.toString();
		}

	}

}
