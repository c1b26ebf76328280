package se.stratlas.strategy;

import java.util.List;

/** An element with its children, for showing a tree. */
public record ElementNode(StrategyElement element, List<ElementNode> children) {

	public boolean leaf() {
		return this.children.isEmpty();
	}

}
