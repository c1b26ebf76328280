package se.stratlas.system.web;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code spring.servlet.multipart.max-request-size} with 413
 * before anything reads it, and an upload over {@code max-file-size} (the file, its name
 * and the form's fields together: a file just under the limit in a larger form is refused
 * too, never left to the container's bare page): an upload whose declared size is over it
 * (a browser form carries its CSRF token inside the multipart body, so without this gate
 * the container's own parse failure would surface as a bare server page or a forgery
 * refusal), and any other body (JSON, a form) too. A body without a declared length is
 * counted while it is read: past the limit, reading fails with
 * {@link BodyTooLargeException}, which the error advice answers with the same 413.
 * Uploads without a declared length are limited by the multipart settings.
 */
public class UploadLimit extends OncePerRequestFilter {

	private final DataSize requestLimit;

	private final DataSize fileLimit;

	public UploadLimit(DataSize requestLimit, DataSize fileLimit) {
		this.requestLimit = requestLimit;
		this.fileLimit = fileLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		// An upload larger than a file may be is refused here, before the container
		// parses
		// it: the container's own refusal of a file over its limit is a bare server page.
		if (multipart && request.getContentLengthLong() > this.fileLimit.toBytes()) {
			refuse(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.requestLimit.toBytes()) {
			Refusal.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					Refusal.page("För mycket data – Stratlas", """
							<h1>För mycket data</h1>
							<p>Det som skickades är större än de %1$d MB som en begäran får vara. Inget sparades.</p>
							<p><a href="/">Till startsidan</a></p>
							""".formatted(this.requestLimit.toMegabytes())), bodyProblem(this.requestLimit));
			return;
		}
		if (!multipart && request.getContentLengthLong() < 0
				&& "chunked".equalsIgnoreCase(String.valueOf(request.getHeader("Transfer-Encoding")).strip())) {
			chain.doFilter(new Counted(request, this.requestLimit.toBytes()), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The problem detail for a request body over the limit. */
	static String bodyProblem(DataSize limit) {
		return "{\"type\":\"https://stratlas.se/problems/too-large\",\"title\":\"Request too large\","
				+ "\"status\":413,\"detail\":\"The request body is larger than the " + limit.toMegabytes()
				+ " MB a request may have\",\"limitBytes\":" + limit.toBytes() + "}";
	}

	/** Reading a body past the limit. */
	public static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("The request body is larger than the " + limit + " bytes a request may have");
		}

	}

	/** A request whose body counts what is read and stops at the limit. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						this.read += n;
						if (this.read > Counted.this.limit) {
							throw new BodyTooLargeException(Counted.this.limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
		}

	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long megabytes = this.fileLimit.toMegabytes();
		Refusal.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
				Refusal.page("Filen är för stor – Stratlas", """
						<h1>Filen är för stor</h1>
						<p>Filen är större än de %1$d MB som en uppladdning får vara. Dela upp den eller ta bort
						det som inte behövs, och ladda upp den igen. Inget importerades.</p>
						<p lang="en">The file is larger than the %1$d MB an upload may have. Nothing was imported.</p>
						<p><a href="/">Till startsidan</a></p>
						""".formatted(megabytes)),
				"{\"type\":\"https://stratlas.se/problems/too-large\",\"title\":\"File too large\","
						+ "\"status\":413,\"detail\":\"The file is larger than the " + megabytes
						+ " MB an upload may have; split it or leave out what is not needed\",\"limitBytes\":"
						+ this.fileLimit.toBytes() + "}");
	}

}
