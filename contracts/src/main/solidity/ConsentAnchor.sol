// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Assent consent anchor
/// @notice Commits batches of consent records to the chain: one Merkle root per batch, plus the
/// ids of consents withdrawn since the last batch. Nothing is stored: the log is the record, so a
/// batch costs one transaction (~22k gas) plus its calldata, whatever the number of leaves.
/// Anyone may anchor; readers decide whose anchors they trust (the submitter is indexed).
contract ConsentAnchor {
    /// @param submitter the account that sent the batch
    /// @param root the Merkle root (sorted-pair keccak256) over `count` consent leaves
    /// @param count the number of leaves under `root` (0 when the batch only withdraws)
    /// @param withdrawn consent ids (leaves of earlier batches) withdrawn by their subjects
    event Anchored(address indexed submitter, bytes32 indexed root, uint256 count, bytes32[] withdrawn);

    function anchor(bytes32 root, uint256 count, bytes32[] calldata withdrawn) external {
        emit Anchored(msg.sender, root, count, withdrawn);
    }
}
