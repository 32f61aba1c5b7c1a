package org.citybridge.learning.training;

/** What a training programme teaches. */
public enum TrainingTopic {
	EU_POLICIES, PROJECT_MANAGEMENT, FUNDING_APPLICATIONS, CITY_DIPLOMACY, URBAN_DEVELOPMENT, OTHER
}
