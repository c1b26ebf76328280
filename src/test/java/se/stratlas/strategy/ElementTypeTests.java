package se.stratlas.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElementTypeTests {

	@Test
	void subPriorityStandsOnlyUnderAPriority() {
		assertThat(ElementType.SUB_PRIORITY.allowedUnder(ElementType.PRIORITY)).isTrue();
		assertThat(ElementType.SUB_PRIORITY.allowedUnder(null)).isFalse();
		assertThat(ElementType.SUB_PRIORITY.allowedUnder(ElementType.GOAL)).isFalse();
		assertThat(ElementType.SUB_PRIORITY.allowedUnder(ElementType.FOCUS_AREA)).isFalse();
	}

	@Test
	void directionsStandAtTheTopOnly() {
		assertThat(ElementType.DIRECTION.allowedUnder(null)).isTrue();
		assertThat(ElementType.DIRECTION.allowedUnder(ElementType.PRIORITY)).isFalse();
	}

	@Test
	void actionsBelongToFocusAreasPrioritiesAndSubPriorities() {
		assertThat(ElementType.ACTION.allowedUnder(ElementType.FOCUS_AREA)).isTrue();
		assertThat(ElementType.ACTION.allowedUnder(ElementType.SUB_PRIORITY)).isTrue();
		assertThat(ElementType.ACTION.allowedUnder(null)).isFalse();
		assertThat(ElementType.ACTION.allowedUnder(ElementType.DIRECTION)).isFalse();
	}

	@Test
	void theGenericTypeFitsAnywhereAndTakesAnything() {
		for (ElementType type : ElementType.values()) {
			assertThat(ElementType.OTHER.allowedUnder(type)).isTrue();
			assertThat(type.allowedUnder(ElementType.OTHER)).isTrue();
		}
	}

	@Test
	void allowedChildrenOfAPriorityIncludeSubPrioritiesButNotDirections() {
		assertThat(ElementType.allowedChildren(ElementType.PRIORITY))
			.contains(ElementType.SUB_PRIORITY, ElementType.ACTION, ElementType.FOCUS_AREA)
			.doesNotContain(ElementType.DIRECTION, ElementType.GOAL);
	}

}
