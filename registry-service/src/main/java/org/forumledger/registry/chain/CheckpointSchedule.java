package org.forumledger.registry.chain;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link Checkpoints}' periodic signing. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointSchedule {}
