package se.stratlas.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose declared size is over {@code spring.servlet.multipart.
 * max-request-size} before anything reads it: a browser form carries its CSRF token
 * inside the multipart body, so without this gate the container's own parse failure would
 * surface as a bare server page (or a forgery refusal) instead of Stratlas' answer.
 * Uploads without a declared length are still limited by the multipart settings.
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
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
				&& request.getContentLengthLong() > this.requestLimit.toBytes()) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
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
