using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Tests.Servers;

/// <summary>Which worker process takes a connection, with one socket per worker or one shared socket.</summary>
public sealed class WorkerAssignmentTests
{
    [Fact]
    public void Accept_OneWorker_IsAlwaysWorkerZero()
    {
        var workers = new WorkerAssignment(1, reuseport: false, maxServers: 2, seed: 7);

        for (var client = 0; client < 50; client++)
        {
            Assert.Equal(0, workers.Accept(1, client, (ulong)client));
        }
    }

    [Fact]
    public void Accept_Reuseport_IsAPureHashOfTheConnectionThatPredictAgreesWith()
    {
        var workers = new WorkerAssignment(4, reuseport: true, maxServers: 2, seed: 7);
        var seen = new HashSet<int>();

        for (var client = 0; client < 200; client++)
        {
            var predicted = workers.Predict(0, client, 3);
            var accepted = workers.Accept(0, client, 3);
            Assert.Equal(predicted, accepted);
            Assert.Equal(accepted, workers.Accept(1, client, 3));
            seen.Add(accepted);
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Accept_SharedSocket_OneEachThenRunsOfSixteen_PredictDoesNotAdvance()
    {
        var workers = new WorkerAssignment(2, reuseport: false, maxServers: 2, seed: 7);
        Assert.Equal(0, workers.Predict(0, 0, 0));
        Assert.Equal(0, workers.Predict(0, 0, 0));

        var order = new List<int>();
        for (var k = 0; k < 2 + (2 * ExclusiveAccept.RunLength); k++)
        {
            var predicted = workers.Predict(0, k, 0);
            var accepted = workers.Accept(0, k, 0);
            Assert.Equal(predicted, accepted);
            order.Add(accepted);
        }

        // nginx 1.22.1 with two workers: A B, then sixteen A, sixteen B (ExclusiveAccept).
        Assert.Equal([0, 1], order.Take(2));
        Assert.All(order.Skip(2).Take(ExclusiveAccept.RunLength), w => Assert.Equal(0, w));
        Assert.All(order.Skip(2 + ExclusiveAccept.RunLength), w => Assert.Equal(1, w));
    }

    [Fact]
    public void Reset_ARestartedServersWorkersRegisterInOrderAgain_OtherServersKeepTheirOrder()
    {
        var workers = new WorkerAssignment(2, reuseport: false, maxServers: 2, seed: 7);
        workers.Accept(0, 0, 0);
        workers.Accept(1, 0, 0);
        Assert.Equal(1, workers.Predict(0, 0, 0));

        workers.Reset(0);

        Assert.Equal(0, workers.Predict(0, 0, 0));
        Assert.Equal(1, workers.Predict(1, 0, 0));
    }

    [Fact]
    public void WorkerIndex_NumbersWorkersOverTheFarm()
    {
        var workers = new WorkerAssignment(4, reuseport: true, maxServers: 3, seed: 7);

        Assert.Equal(9, workers.WorkerIndex(2, 1));
        Assert.Equal(4, workers.Count);
    }
}
