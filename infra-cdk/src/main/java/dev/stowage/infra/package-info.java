/** The AWS deployment (DESIGN §8); the CDK stacks come with the AWS issue. */
@NullMarked
package dev.stowage.infra;

import org.jspecify.annotations.NullMarked;
