// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Gas baseline for ConsentAnchorGasIT only (never deployed for real): what anchoring would
/// cost with one storage write per consent record instead of one root per batch.
contract StorageBaseline {
    mapping(bytes32 => uint256) public recorded;

    function store(bytes32[] calldata ids) external {
        for (uint256 i = 0; i < ids.length; i++) {
            recorded[ids[i]] = block.timestamp;
        }
    }
}
