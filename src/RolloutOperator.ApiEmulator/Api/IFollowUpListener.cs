using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>
/// A simulated controller reacting to committed changes (CRD establishment, garbage collection,
/// namespace cleanup, the Deployment controller). Runs after the writing request released the
/// store lock but before its response is sent, so clients observe the follow-up deterministically.
/// </summary>
internal interface IFollowUpListener
{
    void OnCommitted(StoredEvent committed);
}
