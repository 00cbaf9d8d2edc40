using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Controller.PrometheusProvider;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Breaker_BelowThreshold_StaysClosed()
    {
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(10), _time);

        Assert.False(breaker.RecordFailure());
        Assert.False(breaker.RecordFailure());

        Assert.True(breaker.TryAcquire(out _));
    }

    [Fact]
    public void Breaker_SuccessBetweenFailures_ResetsTheCount()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(10), _time);
        breaker.RecordFailure();
        breaker.RecordSuccess();

        Assert.False(breaker.RecordFailure());
    }

    [Fact]
    public void Breaker_Open_LetsExactlyOneTrialThroughAfterThePeriod()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), _time);
        Assert.True(breaker.RecordFailure());
        Assert.False(breaker.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromSeconds(10), wait);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(breaker.TryAcquire(out _));
        Assert.False(breaker.TryAcquire(out _));
    }

    [Fact]
    public void Breaker_AbandonedTrial_ExpiresAfterAnotherPeriod()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), _time);
        breaker.RecordFailure();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(breaker.TryAcquire(out _));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(breaker.TryAcquire(out _));
    }

    [Fact]
    public void Breaker_SuccessfulTrial_Closes()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), _time);
        breaker.RecordFailure();
        _time.Advance(TimeSpan.FromSeconds(10));
        breaker.TryAcquire(out _);

        breaker.RecordSuccess();

        Assert.True(breaker.TryAcquire(out _));
        Assert.True(breaker.TryAcquire(out _));
    }
}
