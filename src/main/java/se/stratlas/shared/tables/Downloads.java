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

	public static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	public static ResponseEntity<byte[]> table(Table table, String format, String filename) {
		return tables(table.name(), List.of(table), format, filename);
	}

	/** Tables as CSV (the first), XLSX (a sheet each) or DOCX (a Word table each). */
	public static ResponseEntity<byte[]> tables(String title, List<Table> tables, String format, String filename) {
		if ("csv".equalsIgnoreCase(format)) {
			return file(TableFiles.csv(tables.getFirst()), CSV, filename + ".csv");
		}
		if ("docx".equalsIgnoreCase(format)) {
			return file(DocxTables.docx(title, tables), DOCX, filename + ".docx");
		}
		return file(TableFiles.xlsx(tables), XLSX, filename + ".xlsx");
	}

	public static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
