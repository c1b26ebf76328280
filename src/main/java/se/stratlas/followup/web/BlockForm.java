package se.stratlas.followup.web;

import java.util.ArrayList;
import java.util.List;

import se.stratlas.followup.ReportBlock;

/** One part of a report's structure as the layout form ({@link LayoutForm}) holds it. */
public class BlockForm {

	private ReportBlock.Kind kind;

	private Integer position;

	private String title;

	private String question;

	private List<Long> sectionIds = new ArrayList<>();

	private List<String> indicatorCodes = new ArrayList<>();

	private boolean remove;

	public BlockForm() {
	}

	BlockForm(ReportBlock block, int position) {
		this.kind = block.kind();
		this.position = position;
		this.title = block.title();
		this.question = block.question();
		this.sectionIds = new ArrayList<>(block.sectionIds());
		this.indicatorCodes = new ArrayList<>(block.indicatorCodes());
	}

	ReportBlock block() {
		return new ReportBlock(this.kind, this.title, this.question, this.sectionIds, this.indicatorCodes);
	}

	public ReportBlock.Kind getKind() {
		return this.kind;
	}

	public void setKind(ReportBlock.Kind kind) {
		this.kind = kind;
	}

	public Integer getPosition() {
		return this.position;
	}

	public void setPosition(Integer position) {
		this.position = position;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getQuestion() {
		return this.question;
	}

	public void setQuestion(String question) {
		this.question = question;
	}

	public List<Long> getSectionIds() {
		return this.sectionIds;
	}

	public void setSectionIds(List<Long> sectionIds) {
		this.sectionIds = sectionIds == null ? new ArrayList<>() : sectionIds;
	}

	public List<String> getIndicatorCodes() {
		return this.indicatorCodes;
	}

	public void setIndicatorCodes(List<String> indicatorCodes) {
		this.indicatorCodes = indicatorCodes == null ? new ArrayList<>() : indicatorCodes;
	}

	public boolean isRemove() {
		return this.remove;
	}

	public void setRemove(boolean remove) {
		this.remove = remove;
	}

}
