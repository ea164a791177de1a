/**
 * The AWS deployment (DESIGN §8): one CDK stack with the tables, the Lambda functions and their triggers, the REST
 * API, the runtime path to the hosts and what the hosts are launched from.
 */
@NullMarked
package dev.stowage.infra;

import org.jspecify.annotations.NullMarked;
