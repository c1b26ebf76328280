package se.stratlas.shared.tables;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Tables as file downloads. */
public final class Downloads {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private Downloads() {
	}

	public static ResponseEntity<byte[]> table(Table table, String format, String filename) {
		return "csv".equalsIgnoreCase(format) ? file(TableFiles.csv(table), CSV, filename + ".csv")
				: file(TableFiles.xlsx(List.of(table)), XLSX, filename + ".xlsx");
	}

	public static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
