package se.stratlas.followup.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import se.stratlas.followup.ReportBlock;

/** A report's whole structure as the layout form holds it, with a part to add. */
public class LayoutForm {

	private int version;

	private List<BlockForm> blocks = new ArrayList<>();

	private ReportBlock.Kind add;

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public List<BlockForm> getBlocks() {
		return this.blocks;
	}

	public void setBlocks(List<BlockForm> blocks) {
		this.blocks = blocks == null ? new ArrayList<>() : blocks;
	}

	public ReportBlock.Kind getAdd() {
		return this.add;
	}

	public void setAdd(ReportBlock.Kind add) {
		this.add = add;
	}

	private int place(int index) {
		Integer position = this.blocks.get(index).getPosition();
		return position == null ? Integer.MAX_VALUE : position;
	}

	/**
	 * The parts to save: those not removed, by their position (ties keep the form's
	 * order), then the one added.
	 */
	List<ReportBlock> result() {
		// A part given the place another holds goes before it: "2" moves a part to
		// the second place.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < this.blocks.size(); i++) {
			if (!this.blocks.get(i).isRemove()) {
				order.add(i);
			}
		}
		order.sort(Comparator.comparing((Integer i) -> place(i)).thenComparing(i -> place(i) == i + 1 ? 1 : 0));
		List<BlockForm> kept = order.stream().map(this.blocks::get).toList();
		List<ReportBlock> result = new ArrayList<>(kept.stream().map(BlockForm::block).toList());
		if (this.add != null) {
			result.add(ReportBlock.of(this.add));
		}
		return result;
	}

}
