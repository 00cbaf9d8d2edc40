namespace RolloutOperator.Runtime;
