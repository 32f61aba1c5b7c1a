package org.citybridge.learning.training;

/** How a training programme is held. */
public enum TrainingFormat {
	ONLINE, IN_PERSON, HYBRID
}
