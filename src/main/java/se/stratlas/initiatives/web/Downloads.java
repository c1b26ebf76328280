package se.stratlas.initiatives.web;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/** Tables as file downloads. */
final class Downloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private Downloads() {
	}

	static ResponseEntity<byte[]> table(Table table, String format, String filename) {
		return "csv".equalsIgnoreCase(format) ? file(TableFiles.csv(table), CSV, filename + ".csv")
				: file(TableFiles.xlsx(List.of(table)), XLSX, filename + ".xlsx");
	}

	static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
