global using System.ComponentModel;
global using System.ComponentModel.DataAnnotations;
global using System.Text.Json.Serialization;
global using RolloutOperator.Core.Api.Schema;
