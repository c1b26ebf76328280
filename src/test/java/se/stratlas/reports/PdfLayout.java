package se.stratlas.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF as a reader sees its pages: the lines of text on each page with their position
 * and font size, and the images with the size they are printed at. Positions are in
 * points from the top of the page; the page's margins are the print styles' (A4, 22 mm
 * top, 24 mm bottom).
 */
final class PdfLayout {

	static final double BODY_SIZE = 10;

	static final double CHAPTER_SIZE = 17;

	static final double TOP = 22 / 25.4 * 72;

	static final double BOTTOM = 24 / 25.4 * 72;

	record Line(int page, String text, double y, double size) {
	}

	record Image(int page, int pixelWidth, double placedWidth, double top, double bottom) {
	}

	record Page(int number, double height, List<Line> lines, List<Image> images) {

		Line first() {
			return this.lines.isEmpty() ? null : this.lines.getFirst();
		}

		Line last() {
			return this.lines.isEmpty() ? null : this.lines.getLast();
		}

		/**
		 * How much of the page's text area is used, from its top to the lowest line or
		 * image.
		 */
		double fill() {
			double bottom = TOP;
			for (Line line : this.lines) {
				bottom = Math.max(bottom, line.y());
			}
			for (Image image : this.images) {
				bottom = Math.max(bottom, image.bottom());
			}
			return (bottom - TOP) / (this.height - TOP - BOTTOM);
		}

	}

	record Layout(List<Page> pages) {

		String text() {
			StringBuilder text = new StringBuilder();
			for (Page page : this.pages) {
				for (Line line : page.lines()) {
					text.append(line.text()).append('\n');
				}
			}
			return text.toString();
		}

		List<Image> images() {
			return this.pages.stream().flatMap(p -> p.images().stream()).toList();
		}

	}

	private PdfLayout() {
	}

	static Layout read(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Lines stripper = new Lines();
			stripper.setSortByPosition(true);
			List<Page> pages = new ArrayList<>();
			for (int i = 1; i <= document.getNumberOfPages(); i++) {
				PDPage page = document.getPage(i - 1);
				double height = page.getMediaBox().getHeight();
				stripper.lines.clear();
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				stripper.getText(document);
				int number = i;
				List<Line> lines = stripper.lines.stream()
					.filter(l -> l.y() < height - BOTTOM)
					.map(l -> new Line(number, l.text(), l.y(), l.size()))
					.toList();
				Images images = new Images(page, i, height);
				images.processPage(page);
				pages.add(new Page(i, height, lines, images.images));
			}
			return new Layout(pages);
		}
	}

	/**
	 * The lines of a page: words joined with spaces, a line's lowest baseline and largest
	 * font.
	 */
	private static final class Lines extends PDFTextStripper {

		final List<Line> lines = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private double y;

		private double size;

		Lines() throws IOException {
		}

		@Override
		protected void writeString(String string, List<TextPosition> positions) {
			this.text.append(string);
			for (TextPosition position : positions) {
				this.y = Math.max(this.y, position.getYDirAdj());
				this.size = Math.max(this.size, position.getFontSizeInPt());
			}
		}

		@Override
		protected void writeWordSeparator() {
			this.text.append(' ');
		}

		@Override
		protected void writePageEnd() {
			writeLineSeparator();
		}

		@Override
		protected void writeLineSeparator() {
			if (!this.text.isEmpty()) {
				this.lines.add(new Line(0, this.text.toString(), this.y, this.size));
			}
			this.text.setLength(0);
			this.y = 0;
			this.size = 0;
		}

	}

	/** The images drawn on a page, with the width they are printed at. */
	private static final class Images extends PDFGraphicsStreamEngine {

		final List<Image> images = new ArrayList<>();

		private final int page;

		private final double height;

		Images(PDPage page, int number, double height) {
			super(page);
			this.page = number;
			this.height = height;
		}

		@Override
		public void drawImage(PDImage image) {
			Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
			double bottom = this.height - ctm.getTranslateY();
			double top = bottom - ctm.getScalingFactorY();
			this.images.add(new Image(this.page, image.getWidth(), ctm.getScalingFactorX(), top, bottom));
		}

		@Override
		public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
				java.awt.geom.Point2D p3) {
		}

		@Override
		public void clip(int windingRule) {
		}

		@Override
		public void moveTo(float x, float y) {
		}

		@Override
		public void lineTo(float x, float y) {
		}

		@Override
		public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		}

		@Override
		public java.awt.geom.Point2D getCurrentPoint() {
			return new java.awt.geom.Point2D.Float();
		}

		@Override
		public void closePath() {
		}

		@Override
		public void endPath() {
		}

		@Override
		public void strokePath() {
		}

		@Override
		public void fillPath(int windingRule) {
		}

		@Override
		public void fillAndStrokePath(int windingRule) {
		}

		@Override
		public void shadingFill(COSName shadingName) {
		}

	}

}
