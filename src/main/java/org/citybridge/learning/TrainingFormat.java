package org.citybridge.learning;

/** How a training programme is held. */
public enum TrainingFormat {
	ONLINE, IN_PERSON, HYBRID
}
